// The answer to a lesson's numeric question, computed by the engine from the settings in force
// at the question's step, so a lesson cannot carry a wrong number. A lesson names what to compute
// ("compute": "gradient x"); the lesson checker computes it when the file is read, so a name the
// engine cannot compute there is an error with the file, step and key.
//
//   value NODE          the forward value of a node of the Backprop tab's graph (f, q, x, ...)
//   gradient NODE       df/dNODE, the gradient the backward pass leaves at that node
//   svm_loss            the multiclass SVM loss of the losses calculator's scores and label
//   softmax_loss        -ln p of the right class (softmax_loss_log10: the notes' base-10 one)
//   probability K       the softmax probability of class K (0, 1, 2) of those scores
//   conv_output         (N + 2P - F) / S + 1 from the conv calculator (an error if it does not fit)
//   conv_parameters     F*F*C*K + K from the conv calculator
//   receptive_field     1 + L(F - 1) from the conv calculator
//   pooled K            output K (0-3, row by row) of the pooling calculator's 2x2 max pooling
//   lr SCHEDULE T       the schedule calculator's rate for SCHEDULE (constant, step:30,60,90,
//                       cosine, linear, invsqrt) after T epochs, with its warm-up
//   penalty KIND        lambda * R(W) of the regularization calculator's weights (l2, l1, elastic)
#pragma once
#include <string>

#include "core/status.h"
#include "settings/settings.h"

namespace gradlab::lessons {

Result<double> ComputeAnswer(const std::string& what, const settings::Settings& settings);

}  // namespace gradlab::lessons
