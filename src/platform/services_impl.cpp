#include "platform/services_impl.h"
#include "platform/web_bridge.h"

#include <SDL.h>

#include <deque>
#include <map>
#include <memory>

#include "io/file_io.h"
#include "platform/gl.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace gradlab::platform {

namespace {

// Open-file requests in the browser wait for the page's file picker; keyed by request id.
std::map<int, std::function<void(std::string, Result<std::vector<uint8_t>>)>> g_open_requests;
// Storage requests wait for IndexedDB, which answers on a later turn of the page's event loop.
std::map<int, ui::BytesCallback> g_storage_requests;
std::map<int, std::function<void(Status)>> g_store_requests;
[[maybe_unused]] int g_next_request = 1;  // the page's requests only
bool g_textures_changed = false;

class PlatformServices : public ui::Services {
 public:
  ImTextureID UploadTexture(ImTextureID existing, const train::RgbaImage& image) override {
    g_textures_changed = true;
    GLuint id = static_cast<GLuint>(reinterpret_cast<intptr_t>(existing));
    if (!id) {
      glGenTextures(1, &id);
      glBindTexture(GL_TEXTURE_2D, id);
      // Nearest: a 32x32 image shown at 96x96 should look like its pixels, not a blur.
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glBindTexture(GL_TEXTURE_2D, id);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
    return reinterpret_cast<ImTextureID>(static_cast<intptr_t>(id));
  }

  void DeleteTexture(ImTextureID tex) override {
    GLuint id = static_cast<GLuint>(reinterpret_cast<intptr_t>(tex));
    if (id) glDeleteTextures(1, &id);
    g_textures_changed = true;
  }

  void FetchDataFile(const std::string& path, ui::BytesCallback done) override {
#ifdef __EMSCRIPTEN__
    // Relative to the page, so the site works from any folder of any static host.
    auto* callback = new ui::BytesCallback(std::move(done));
    emscripten_async_wget2_data(
        path.c_str(), "GET", "", callback, 1,
        [](unsigned, void* arg, void* data, unsigned size) {
          std::unique_ptr<ui::BytesCallback> cb(static_cast<ui::BytesCallback*>(arg));
          const uint8_t* p = static_cast<const uint8_t*>(data);
          (*cb)(std::vector<uint8_t>(p, p + size));
        },
        [](unsigned, void* arg, int status, const char* text) {
          std::unique_ptr<ui::BytesCallback> cb(static_cast<ui::BytesCallback*>(arg));
          (*cb)(Result<std::vector<uint8_t>>::Error("HTTP " + std::to_string(status) + " " + (text ? text : "")));
        },
        nullptr);
#else
    // Read one file per frame, so progress shows as it would in the browser.
    char* base = SDL_GetBasePath();
    pending_.push_back({std::string(base ? base : "./") + path, std::move(done)});
    SDL_free(base);
#endif
  }

  void FetchUrl(const std::string& url, ui::BytesCallback done) override {
#ifdef __EMSCRIPTEN__
    FetchDataFile(url, std::move(done));  // the same request: relative to the page, or absolute
#else
    pending_.push_back({url, std::move(done)});
#endif
  }

  Status SaveUserFile(const std::string& name, const std::vector<uint8_t>& bytes) override {
#ifdef __EMSCRIPTEN__
    EM_ASM(
        {
          const data = HEAPU8.slice($1, $1 + $2);
          const url = URL.createObjectURL(new Blob([data], {type : 'application/octet-stream'}));
          const a = document.createElement('a');
          a.href = url;
          a.download = UTF8ToString($0);
          document.body.appendChild(a);
          a.click();
          a.remove();
          setTimeout(() => URL.revokeObjectURL(url), 10000);
        },
        name.c_str(), bytes.data(), bytes.size());
    return Status();
#else
    return WriteFileBytes(name, bytes);
#endif
  }

  void OpenUserFile(const std::string& accept, const std::string& path_hint,
                    std::function<void(std::string, Result<std::vector<uint8_t>>)> done) override {
#ifdef __EMSCRIPTEN__
    (void)path_hint;
    const int id = g_next_request++;
    g_open_requests[id] = std::move(done);
    EM_ASM(
        {
          const input = document.createElement('input');
          input.type = 'file';
          input.accept = UTF8ToString($1);
          input.onchange = async () => {
            const file = input.files[0];
            if (!file) return;
            const bytes = new Uint8Array(await file.arrayBuffer());
            const ptr = _malloc(Math.max(1, bytes.length));
            HEAPU8.set(bytes, ptr);
            const name = allocateUTF8(file.name);
            _gradlab_file_opened($0, name, ptr, bytes.length);
            _free(name);
            _free(ptr);
          };
          input.click();
        },
        id, accept.c_str());
#else
    (void)accept;
    done(path_hint, ReadFileBytes(path_hint));
#endif
  }

  bool is_browser() const override {
#ifdef __EMSCRIPTEN__
    return true;
#else
    return false;
#endif
  }

  std::string AssetDir() const override {
#ifdef __EMSCRIPTEN__
    return "/assets/";  // packed into gradlab-assets.data
#else
    char* base = SDL_GetBasePath();
    const std::string dir = std::string(base ? base : "./") + "assets/";
    SDL_free(base);
    return dir;
#endif
  }

  std::string PageAddress() const override { return platform::PageAddress(); }

  void LoadStoredSession(ui::BytesCallback done) override {
#ifdef __EMSCRIPTEN__
    const int id = g_next_request++;
    g_storage_requests[id] = std::move(done);
    EM_ASM({ window.gradlab.loadStoredSession($0); }, id);
#else
    done(std::vector<uint8_t>());
#endif
  }

  void StoreSession(const std::vector<uint8_t>& bytes, std::function<void(Status)> done) override {
#ifdef __EMSCRIPTEN__
    const int id = g_next_request++;
    g_store_requests[id] = std::move(done);
    EM_ASM({ window.gradlab.storeSession($0, HEAPU8.slice($1, $1 + $2)); }, id, bytes.data(), bytes.size());
#else
    (void)bytes;
    done(Status());
#endif
  }

  void ForgetStoredSession() override {
#ifdef __EMSCRIPTEN__
    EM_ASM({ window.gradlab.forgetStoredSession(); });
#endif
  }

  void CopyText(const std::string& text) override {
#ifdef __EMSCRIPTEN__
    // The page's clipboard (SDL's is not the system's in a browser); needs a click, which Share is.
    EM_ASM({ if (window.gradlab && window.gradlab.copyText) window.gradlab.copyText(UTF8ToString($0)); }, text.c_str());
#else
    SDL_SetClipboardText(text.c_str());
#endif
  }

  double Seconds() const override {
    return static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency());
  }

  void Pump() {
    if (pending_.empty()) return;
    Pending p = std::move(pending_.front());
    pending_.pop_front();
    p.done(ReadFileBytes(p.path));
  }

 private:
  struct Pending {
    std::string path;
    ui::BytesCallback done;
  };
  std::deque<Pending> pending_;
};

PlatformServices* g_services = nullptr;

}  // namespace

void InstallServices() {
  g_services = new PlatformServices();
  ui::SetServices(g_services);
}

void PumpServices() {
  if (g_services) g_services->Pump();
}

bool TakeTexturesChanged() {
  const bool changed = g_textures_changed;
  g_textures_changed = false;
  return changed;
}

}  // namespace gradlab::platform

#ifdef __EMSCRIPTEN__
// Called by the page when the user picked a file (see OpenUserFile).
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_file_opened(int id, const char* name, const uint8_t* data, int size) {
  auto it = gradlab::platform::g_open_requests.find(id);
  if (it == gradlab::platform::g_open_requests.end()) return;
  auto done = std::move(it->second);
  gradlab::platform::g_open_requests.erase(it);
  done(name, std::vector<uint8_t>(data, data + size));
}

// Called by the page with the stored session (size 0: none), or with `problem` when the
// browser's storage cannot be used.
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_stored_session(int id, const uint8_t* data, int size, const char* problem) {
  auto it = gradlab::platform::g_storage_requests.find(id);
  if (it == gradlab::platform::g_storage_requests.end()) return;
  auto done = std::move(it->second);
  gradlab::platform::g_storage_requests.erase(it);
  if (problem && *problem) done(gradlab::Status::Error(problem));
  else done(std::vector<uint8_t>(data, data + size));
}

// Called by the page when a session was stored ("" ) or could not be (why).
extern "C" EMSCRIPTEN_KEEPALIVE void gradlab_session_stored(int id, const char* problem) {
  auto it = gradlab::platform::g_store_requests.find(id);
  if (it == gradlab::platform::g_store_requests.end()) return;
  auto done = std::move(it->second);
  gradlab::platform::g_store_requests.erase(it);
  done(problem && *problem ? gradlab::Status::Error(problem) : gradlab::Status());
}
#endif
