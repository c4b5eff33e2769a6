// The Train tab's actions: turn the student's settings into engine calls (load data, check the
// model spec, start, step, recover, reset, keep a run, save/load/export) and refresh the images
// the views show. No drawing here, and no math: the engine computes, this file orchestrates.
#pragma once
#include <string>

#include "ui/train_state.h"

namespace gradlab::ui {

// Model presets shown as buttons (name, spec) for images and for toy points.
struct ModelPreset {
  const char* name;
  const char* spec;
};
const std::vector<ModelPreset>& ImagePresets();
const std::vector<ModelPreset>& ToyPresets();

// The link action train=1 (start once the data is ready), pause, resume, step or reset.
Status RunTrainAction(TrainUi& t, const std::string& value);

// Per frame: loads data when its settings changed, re-checks the settings, trains for
// `budget_seconds` when playing, and refreshes the view images now and then.
void UpdateTrainTab(TrainUi& t, double budget_seconds);

// Makes the training config from the settings when they changed, and checks the model spec
// against the loaded data (the layer table's plan).
void UpdateTrainSettings(TrainUi& t);
void StartTraining(TrainUi& t);      // a new session from the current settings and data
// After the session was changed here (weights loaded): the training thread takes it up again.
void HandToTrainer(TrainUi& t);
// Nothing asked of the training thread is still to come (true without one): for scripted runs.
bool TrainingSettled(const TrainUi& t);
void ResetTraining(TrainUi& t);      // forget the session (settings and kept runs stay)
// A saved session (its config, weights and progress) as the current session on the loaded data, paused.
Status RestoreTraining(TrainUi& t, const train::TrainConfig& config, nn::Model& weights, train::Progress progress);
void StepOneBatch(TrainUi& t);
void RecoverFromDivergence(TrainUi& t);  // continue from the last good weights at lr / 10
void KeepCurrentRun(TrainUi& t);
// The run's result in plain words: "Finished: test accuracy 92.0 % (training 93.6 %) after epoch
// 20." ("So far: ..." while it trains); "" before the first epoch ends.
std::string ResultLine(const train::Session& s);
void LoadOwnImage(TrainUi& t);
void SaveModel(TrainUi& t, const std::string& path);
void LoadModel(TrainUi& t, const std::string& path);
void ExportModel(TrainUi& t, const std::string& path);

// The Train part of the test hook's JSON.
nlohmann::json TrainStateJson(const TrainUi& t);

}  // namespace gradlab::ui
