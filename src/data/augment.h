// Data augmentation applied on the fly to training batches: the settings (AugmentConfig), one
// image at a time (AugmentImage, also used by the UI's preview grid), and whole training batches
// with their targets (FillTrainingBatch).
//
// Images are augmented as floats in [0, 1] (CHW), before normalisation, in a fixed order whatever
// order the settings were written in:
//   rcrop, crop, hflip, rot90  (geometry)  ->  jitter, grey  (colour)  ->  blur, sobel  (filters)
//   ->  noise  ->  cutout  ->  mixup / cutmix across the batch  ->  normalisation (batch.h)
// Toy (non-image) datasets skip every image augmentation; mixup blends their points like images
// and CutMix is ignored (points have no area to cut).
// The random parameters are drawn here; the transforms themselves are in image_ops.h and mix.h.
// The text form of the settings ("hflip,crop:4,mixup:0.2") is at the end (augment_spec.cpp).
#pragma once

#include <string>
#include <vector>

#include "core/rng.h"
#include "core/status.h"
#include "core/tensor.h"
#include "data/dataset.h"

namespace gradlab::data {

// Every augmentation has an on/off switch and its parameters; the defaults are the usual ones
// (torchvision's, or the paper's), used when a switch is turned on without parameters.
struct AugmentConfig {
  struct Flip { bool on = false; double p = 0.5; bool operator==(const Flip&) const = default; };
  struct Crop { bool on = false; int padding = 4; bool operator==(const Crop&) const = default; };
  // torchvision RandomResizedCrop: area share in [scale_min, scale_max] of the image, aspect ratio
  // (width / height) log-uniform in [ratio_min, ratio_max], resized back bilinearly.
  struct ResizedCrop {
    bool on = false;
    double scale_min = 0.08, scale_max = 1.0, ratio_min = 3.0 / 4.0, ratio_max = 4.0 / 3.0;
    bool operator==(const ResizedCrop&) const = default;
  };
  // torchvision ColorJitter: factors uniform in [max(0, 1 - s), 1 + s], applied in random order.
  struct Jitter {
    bool on = false;
    double brightness = 0.4, contrast = 0.4, saturation = 0.4;
    bool operator==(const Jitter&) const = default;
  };
  struct Chance { bool on = false; double p = 0.5; bool operator==(const Chance&) const = default; };
  struct Cutout {  // DeVries & Taylor 2017
    bool on = false;
    int size = 8, count = 1;
    bool operator==(const Cutout&) const = default;
  };
  struct Noise { bool on = false; double sigma = 0.05; bool operator==(const Noise&) const = default; };
  struct Blur {  // SimCLR's settings
    bool on = false;
    double p = 0.5, sigma_min = 0.1, sigma_max = 2.0;
    bool operator==(const Blur&) const = default;
  };
  struct Mix { bool on = false; double alpha = 1.0; bool operator==(const Mix&) const = default; };

  Flip hflip;                           // mirror left-right with probability p
  Crop crop;                            // zero-pad by `padding` px, cut a random window of the original size
  ResizedCrop rcrop;                    // random crop of random size and shape, resized back
  Jitter jitter;                        // brightness, contrast, saturation
  Chance grey{false, 0.2};              // colour drop: greyscale with probability p
  Chance rot90{false, 0.5};             // with probability p turn by 90, 180 or 270 degrees
                                        // (non-square images: 180 only)
  Cutout cutout;                        // `count` size x size squares set to 0 (black), centres
                                        // anywhere, clipped at the border
  Noise noise;                          // Gaussian noise of std sigma, clamped to [0, 1]
  Blur blur;                            // with probability p, sigma uniform in [sigma_min, sigma_max]
  Chance sobel{false, 0.5};             // with probability p, replace by the Sobel edge map
  Mix mixup{false, 0.2};                // lambda ~ Beta(alpha, alpha), Zhang et al. 2018
  Mix cutmix{false, 1.0};               // lambda ~ Beta(alpha, alpha), Yun et al. 2019

  bool any_image() const {  // any augmentation that works on single images
    return hflip.on || crop.on || rcrop.on || jitter.on || grey.on || rot90.on || cutout.on || noise.on ||
           blur.on || sobel.on;
  }
  bool any() const { return any_image() || mixup.on || cutmix.on; }
  bool operator==(const AugmentConfig&) const = default;  // every switch and parameter
};

// Augments one C x H x W image in [0, 1], in place, drawing from rng (mixup/CutMix need a batch and
// are not applied here). The same rng state gives the same result on every platform.
void AugmentImage(const AugmentConfig& config, Rng& rng, int c, int h, int w, float* image);

// An augmented training batch: x becomes {count, sample_shape...} (normalised like FillBatch),
// targets {count, num_classes}, one-hot, or soft where mixup/CutMix mixed two samples. Random draws
// happen in sample order, then pair by pair for mixing, so a seed gives one batch.
// With no augmentation switched on, x equals FillBatch's and targets are one-hot.
// Allocates nothing once x, targets and a per-thread scratch image have grown to size.
void FillTrainingBatch(const Dataset& data, const int* indices, int count, const AugmentConfig& config,
                       Rng& rng, Tensor& x, Tensor& targets);

// FillTrainingBatch before its last step: images stay in [0, 1] (not normalised), so they can be
// shown as they are. The UI's preview grid uses it to show mixup/CutMix with their mixed labels.
void AugmentBatchUnit(const Dataset& data, const int* indices, int count, const AugmentConfig& config,
                      Rng& rng, Tensor& x, Tensor& targets);

// ---- the text form, for the command line and settings files (augment_spec.cpp) ----------------
//
//   spec  := "none" | item ("," item)*          ("" means "none" too)
//   item  := name (":" value)*                   values are positional; trailing ones may be
//                                                left out and keep their defaults
//   e.g.  "hflip,crop:4,jitter:0.4:0.4:0.4,cutout:8,mixup:0.2"
//
// Items (defaults in parentheses), in the order they are applied whatever order they are written
// in; names are case-insensitive, and each item may appear once:
//   rcrop[:scale_min[:scale_max[:ratio_min[:ratio_max]]]]  (0.08:1:0.75:1.333) random resized crop
//   crop[:padding]                              (4)    zero-pad, random window of the original size
//   hflip[:p]                                   (0.5)  mirror left-right with probability p
//   rot90[:p]                                   (0.5)  turn by 90, 180 or 270 degrees with probability p
//   jitter[:s] | jitter:b:c:s                   (0.4)  colour jitter; one value sets all three
//   grey[:p]                                    (0.2)  greyscale with probability p ("gray" also read)
//   blur[:p[:sigma_min[:sigma_max]]]            (0.5:0.1:2) Gaussian blur
//   sobel[:p]                                   (0.5)  Sobel edge map with probability p
//   noise[:sigma]                               (0.05) Gaussian noise
//   cutout[:size[:count]]                       (8:1)  black squares
//   mixup[:alpha]                               (0.2)  mixup, lambda ~ Beta(alpha, alpha)
//   cutmix[:alpha]                              (1)    CutMix, lambda ~ Beta(alpha, alpha)
//
// FormatAugmentSpec writes items in the order above and leaves out trailing values equal to the
// defaults, so Parse(Format(c)) == c and Format(Parse(s)) is s in canonical form.
//
// A bad spec gives a message naming the bad item, e.g.
//   "unknown augmentation 'flip'; valid items: rcrop[...], crop[:padding], hflip[:p], ..."
//   "augmentation 'hflip:1.5': p must be 0 to 1, got 1.5"
Result<AugmentConfig> ParseAugmentSpec(const std::string& spec);

// "none" when nothing is on.
std::string FormatAugmentSpec(const AugmentConfig& config);

// One line per item: its form, what it does and its defaults (for --help texts).
std::string AugmentSpecHelp();

// The items as a table pointing into `config`, in canonical order, for editors that show one
// switch and its values per item. Exactly one of real/whole is set per value; lo..hi is the
// range the text form accepts.
struct AugmentParam {
  const char* name;
  double* real;
  int* whole;
  double lo, hi;
};
struct AugmentItem {
  const char* name;   // "hflip"
  const char* usage;  // "hflip[:p]"
  const char* help;   // "mirror left-right with probability p"
  bool* on;
  std::vector<AugmentParam> params;
};
std::vector<AugmentItem> AugmentItems(AugmentConfig& config);

}  // namespace gradlab::data
