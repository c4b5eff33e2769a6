// The answer to a lesson's numeric question, computed by the engine from the settings in force
// at the question's step, so a lesson cannot carry a wrong number. A lesson names what to compute
// ("compute": "gradient x"); the lesson checker computes it when the file is read, so a name the
// engine cannot compute there is an error with the file, step and key.
//
// docs/lessons.md lists the names (value NODE, gradient NODE, svm_loss, conv_output, lr SCHEDULE T, ...)
// and the settings each reads.
#pragma once
#include <string>

#include "core/status.h"
#include "settings/settings.h"

namespace gradlab::lessons {

Result<double> ComputeAnswer(const std::string& what, const settings::Settings& settings);

}  // namespace gradlab::lessons
