// Nothing lost on reload: the whole session (settings, trained weights, history, lesson step)
// goes into the browser's storage now and then as the student works, and comes back when the
// page opens again, with a one-click "Start fresh". The same bytes are the session file that
// Save session / Open session move by hand (the desktop app's only way: it keeps no storage).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "train/model_file.h"
#include "train/session_file.h"

namespace gradlab::ui {

struct AppState;

struct SessionKeeperUi {
  // A session being opened waits here for its data (CIFAR-10 arrives in parts).
  std::unique_ptr<train::SavedModel> pending_model;
  train::Progress pending_progress;
  // What was stored last, so unchanged work is not stored again.
  std::string stored_link;
  long stored_steps = -1;
  int stored_lessons = -1;  // the lesson progress's revision
  double last_store = 0;
  bool storing = false, storage_broken = false;
  bool offer_fresh_start = false;  // the status bar shows "Start fresh" beside the restored note
};

// At start-up, after the page's link: brings back the stored session when the page was opened
// without a link or with the one the session was stored under (a reload).
void RestoreStoredSession(AppState& state, bool opened_with_link);
// Per frame: finishes opening a pending session once its data is there; stores now and then.
void KeepSession(AppState& state);

std::vector<uint8_t> SessionBytes(AppState& state);
void OpenSessionBytes(AppState& state, const std::vector<uint8_t>& bytes, const std::string& name);
void SaveSessionFile(AppState& state);
void OpenSessionFile(AppState& state);
void StartFresh(AppState& state);  // default settings, no session, nothing stored

}  // namespace gradlab::ui
