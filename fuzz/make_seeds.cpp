// gradlab-fuzz-seeds OUT_DIR: writes a small seed corpus for every fuzz target, made by the
// project's own code (a saved model, an .npz export, CIFAR-10-shaped records, images written by
// stb_image_write, the lecture's expressions and specs), so no third-party data is needed.
// Hand-written seeds for text formats live in fuzz/seeds/ and are used beside these.
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

#include "core/npz.h"
#include "data/cifar10.h"
#include "data/cifar10_chunks.h"
#include "io/file_io.h"
#include "train/model_file.h"
#include "train/session_file.h"
#include "train/torch_export.h"

using namespace gradlab;
namespace fs = std::filesystem;

namespace {

fs::path out_root;

void Write(const std::string& target, const std::string& name, const std::vector<uint8_t>& bytes) {
  fs::create_directories(out_root / target);
  if (Status s = WriteFileBytes((out_root / target / name).string(), bytes); !s) {
    std::fprintf(stderr, "gradlab-fuzz-seeds: %s\n", s.message().c_str());
    std::exit(1);
  }
}

std::vector<uint8_t> Text(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }

void Append(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
}

// A 6x4 gradient image, RGB.
std::vector<uint8_t> Pixels(int w, int h) {
  std::vector<uint8_t> p(static_cast<size_t>(w) * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < 3; ++c) p[(y * w + x) * 3 + c] = static_cast<uint8_t>(40 * x + 60 * y + 80 * c);
  return p;
}

void Images() {
  const int w = 6, h = 4;
  const std::vector<uint8_t> px = Pixels(w, h);
  std::vector<uint8_t> png, jpg, bmp, tga;
  stbi_write_png_to_func(Append, &png, w, h, 3, px.data(), w * 3);
  stbi_write_jpg_to_func(Append, &jpg, w, h, 3, px.data(), 80);
  stbi_write_bmp_to_func(Append, &bmp, w, h, 3, px.data());
  stbi_write_tga_to_func(Append, &tga, w, h, 3, px.data());
  Write("image", "gradient.png", png);
  Write("image", "gradient.jpg", jpg);
  Write("image", "gradient.bmp", bmp);
  Write("image", "gradient.tga", tga);
  // A 1x1 GIF, written out by hand (GIF89a, 2-colour table, one LZW-coded pixel).
  Write("image", "dot.gif", {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0x80, 0, 0, 255, 0, 0, 0, 0, 255,
                             ',', 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, ';'});
}

// CIFAR-10-shaped records: label byte, then 3072 pixel bytes.
std::vector<uint8_t> Records(int n) {
  std::vector<uint8_t> out;
  for (int i = 0; i < n; ++i) {
    out.push_back(static_cast<uint8_t>((3 + 2 * i) % 10));
    for (int k = 0; k < data::kCifarImageBytes; ++k) out.push_back(static_cast<uint8_t>(k * 7 + i));
  }
  return out;
}

void Cifar() {
  for (int n : {1, 2, 4}) {
    std::vector<uint8_t> seed = {static_cast<uint8_t>(n - 1)};  // the target's record-count byte
    const auto records = Records(n);
    seed.insert(seed.end(), records.begin(), records.end());
    Write("cifar10_batch", "records-" + std::to_string(n), seed);
  }
  // Manifest, a 0 byte, then one chunk of 2 records (4-byte position + image each).
  std::string manifest = R"({"format":"gradlab-cifar10-chunks","version":1,"chunk_images":500,)"
                         R"("train_per_class":[5,5,5,5,5,5,5,5,5,5],"test_per_class":[5,5,5,5,5,5,5,5,5,5]})";
  std::vector<uint8_t> seed = Text(manifest);
  seed.push_back(0);
  for (int i = 0; i < 2; ++i) {
    for (int b = 0; b < 4; ++b) seed.push_back(b == 0 ? static_cast<uint8_t>(9 - i) : 0);
    for (int k = 0; k < data::kCifarImageBytes; ++k) seed.push_back(static_cast<uint8_t>(k + i));
  }
  Write("cifar10_chunks", "manifest-and-chunk", seed);
}

// A session with its model and a little history, and one with the link alone.
void Sessions(const std::vector<uint8_t>& model_file) {
  train::SessionFile session;
  session.link = "v=1&data=toy:spiral&toy-classes=2&model=mlp:4+tanh+dropout0.2";
  Write("session_file", "link-only", train::SerializeSession(session));
  session.model = model_file;
  for (int step = 0; step < 8; ++step) session.progress.history.AddStep(1.0f / (step + 1), 0.01f);
  session.progress.steps = 8;
  session.progress.history.epochs.push_back({1, 0.5, 0.7, 0.65, 0.6, 0.01, 1000});
  session.progress.epoch = 1;
  Write("session_file", "trained", train::SerializeSession(session));
}

void Models() {
  train::TrainConfig cfg;
  for (const auto& [name, spec, input, classes] :
       std::vector<std::tuple<std::string, std::string, Shape, int>>{{"linear", "linear", {3, 4, 4}, 3},
                                                                    {"cnn", "conv2k3p1 bn relu pool2 fc", {3, 4, 4}, 3},
                                                                    {"toy", "mlp:4 tanh dropout0.2", {2}, 2}}) {
    auto model = nn::Model::Create(spec, input, classes, 1);
    if (!model) std::exit(1);
    cfg.model_spec = spec;
    std::vector<std::string> names;
    for (int c = 0; c < classes; ++c) names.push_back("class " + std::to_string(c));
    const bool image = input.size() == 3;
    const std::vector<float> mean = image ? std::vector<float>{0.5f, 0.4f, 0.3f} : std::vector<float>{};
    const std::vector<float> std = image ? std::vector<float>{0.25f, 0.25f, 0.25f} : std::vector<float>{};
    const auto file = train::SerializeModel(*model, names, mean, std, cfg, "fuzz seed");
    // Even first byte: the target frames and checksums the rest itself (bytes 12 .. end-4 of a file).
    std::vector<uint8_t> framed = {0};
    framed.insert(framed.end(), file.begin() + 12, file.end() - 4);
    Write("model_file", name + "-framed", framed);
    std::vector<uint8_t> raw = {1};
    raw.insert(raw.end(), file.begin(), file.end());
    Write("model_file", name + "-raw", raw);
    if (name == "cnn") Write("npz", "cnn.npz", train::ExportTorchNpz(*model, names, mean, std));
    if (name == "toy") Sessions(file);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "Usage: gradlab-fuzz-seeds OUT_DIR\n");
    return 2;
  }
  out_root = argv[1];
  Images();
  Cifar();
  Models();
  return 0;
}
