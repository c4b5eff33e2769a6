// predict and eval on a model whose weights are finite but overflow (issue 15, finding 3): the
// scores are inf - inf = NaN, and no class may be named from them (predict said "class 0", or
// aborted turning a NaN into a bar length; eval reported an accuracy with loss nan, exit 0).
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/commands.h"
#include "io/file_io.h"
#include "train/model_file.h"

using namespace gradlab;

namespace {

int Run(const std::string& command, const std::vector<std::string>& args) {
  for (const auto& c : cli::AllCommands())
    if (command == c.name) return c.run(args);
  FAIL("no command " << command);
  return -1;
}

// A toy model (2 inputs, 2 classes) whose hidden layer is huge and whose scores overflow.
std::string SaveOverflowingModel() {
  auto model = nn::Model::Create("fc2 fc", {2}, 2, 1);
  REQUIRE(model.ok());
  for (auto& [name, t] : model->StateDict()) {
    const bool first = name[0] == '0', weight = name.find("weight") != std::string::npos;
    for (size_t i = 0; i < t->size(); ++i)
      t->data[i] = weight ? (first || i < 2 ? 3e38f : -3e38f) : (first ? 1e30f : 0.0f);
  }
  train::TrainConfig cfg;
  cfg.model_spec = "fc2 fc";
  const auto path = (std::filesystem::temp_directory_path() / "gradlab-test-overflow.gradlab").string();
  REQUIRE(WriteFileBytes(path, train::SerializeModel(*model, {"class 0", "class 1"}, {}, {}, cfg, "toy")).ok());
  return path;
}

}  // namespace

TEST_CASE("Finding 3: predict and eval refuse scores that are not numbers", "[cli][hostile]") {
  const std::string path = SaveOverflowingModel();
  const std::vector<std::string> data = {"--data", "toy:blobs", "--toy-classes", "2"};
  std::vector<std::string> predict = {"--model", path, "--test-index", "0,1"};
  predict.insert(predict.end(), data.begin(), data.end());
  CHECK(Run("predict", predict) == cli::kExitFailure);
  predict.push_back("--json");
  CHECK(Run("predict", predict) == cli::kExitFailure);
  std::vector<std::string> eval = {"--model", path};
  eval.insert(eval.end(), data.begin(), data.end());
  CHECK(Run("eval", eval) == cli::kExitFailure);
}
