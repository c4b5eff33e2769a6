// Key checks shared by the schemas of saved files (training settings, model headers): a key
// that is not in the list, or a listed key that is missing, is an error, never a default.
#pragma once
#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace gradlab::train {

// The first key of object `j` that is not in `keys`.
inline std::optional<std::string> UnknownKey(const nlohmann::json& j, std::initializer_list<const char*> keys) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; })) return key;
  }
  return std::nullopt;
}

// The first of `keys` that object `j` lacks.
inline std::optional<std::string> MissingKey(const nlohmann::json& j, std::initializer_list<const char*> keys) {
  for (const char* k : keys)
    if (!j.contains(k)) return std::string(k);
  return std::nullopt;
}

}  // namespace gradlab::train
