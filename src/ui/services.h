// What the UI needs from the platform, without knowing which one it is: textures, files
// (fetched beside the page in the browser, read from disk on the desktop), saving and opening
// user files (download/upload in the browser, a path on the desktop), and a clock.
// src/platform implements it; tests and the UI only see this interface.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/status.h"
#include "train/inspect.h"

namespace gradlab::ui {

using BytesCallback = std::function<void(Result<std::vector<uint8_t>>)>;

class Services {
 public:
  virtual ~Services() = default;
  // Creates a texture, or replaces the pixels of `existing` (0 for new). Returns its id.
  virtual ImTextureID UploadTexture(ImTextureID existing, const train::RgbaImage& image) = 0;
  virtual void DeleteTexture(ImTextureID id) = 0;
  // Fetches an app data file (e.g. "data/cifar10/manifest.json"); `done` runs on a later frame.
  virtual void FetchDataFile(const std::string& path, BytesCallback done) = 0;
  // Browser: fetches an address (https://..., or relative to the page) as the browser allows
  // (CORS). Desktop: reads a file path. `done` runs on a later frame.
  virtual void FetchUrl(const std::string& url, BytesCallback done) = 0;
  // Browser: offers the bytes as a download. Desktop: writes them to `name` (a path).
  virtual Status SaveUserFile(const std::string& name, const std::vector<uint8_t>& bytes) = 0;
  // Browser: opens the file picker (`accept` like ".gradlab"); desktop: reads `path_hint`.
  virtual void OpenUserFile(const std::string& accept, const std::string& path_hint,
                            std::function<void(std::string name, Result<std::vector<uint8_t>>)> done) = 0;
  virtual bool is_browser() const = 0;
  virtual std::string AssetDir() const = 0;  // where assets/ is, ending in '/'
  // Browser: the page's address without query or fragment; desktop: "".
  virtual std::string PageAddress() const = 0;
  virtual void CopyText(const std::string& text) = 0;  // to the clipboard
  // The browser's storage (IndexedDB) for the current session, so a reload loses nothing.
  // `done` gets the stored bytes (empty if none) or why storage cannot be used (blocked in a
  // private window, full); storing reports a failure through the same kind of message, once.
  // The desktop app keeps nothing: it has session files.
  virtual void LoadStoredSession(BytesCallback done) = 0;
  virtual void StoreSession(const std::vector<uint8_t>& bytes, std::function<void(Status)> done) = 0;
  virtual void ForgetStoredSession() = 0;

  virtual double Seconds() const = 0;  // monotonic
};

// Set once by the platform at start-up.
void SetServices(Services* services);
Services& services();

}  // namespace gradlab::ui
