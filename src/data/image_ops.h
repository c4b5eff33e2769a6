// Deterministic image transforms for augmentation: each takes its parameters explicitly (no
// randomness here), so tests check them exactly and augment.cpp only has to draw the parameters.
//
// Shape legend: an image is C x H x W floats (CHW, like the dataset's bytes), values in [0, 1];
// colour transforms clamp their results to [0, 1]. Colour transforms that need RGB (greyscale,
// saturation) leave images with other channel counts alone, as noted.
// This file does not allocate, draw random numbers, or normalise: callers pass a scratch buffer
// of ImageScratchSize(c, h, w) floats where one is needed.
#pragma once
#include <cstddef>

namespace gradlab::data {

// Floats of scratch space the transforms below need for an image of this shape.
inline size_t ImageScratchSize(int c, int h, int w) { return static_cast<size_t>(c + 1) * h * w; }

// ---- geometry ------------------------------------------------------------------------------------

// Mirrors left-right, in place.
void FlipHorizontal(int c, int h, int w, float* image);

// Zero-pads by `padding` pixels on every side and takes the h x w window at (dy, dx) of the padded
// image: dst(y, x) = src(y + dy - padding, x + dx - padding), 0 outside src. dy, dx in [0, 2 * padding];
// dy = dx = padding gives src back.
void PadCrop(int c, int h, int w, const float* src, int padding, int dy, int dx, float* dst);

// The crop_h x crop_w window at (top, left) of src, resized back to h x w by bilinear interpolation
// (pixel centres aligned, as in torchvision/PIL without antialiasing; crops are never larger than
// the image, so there is no downscaling to antialias). The full window gives src back exactly.
void CropResize(int c, int h, int w, const float* src, int top, int left, int crop_h, int crop_w, float* dst);

// Turns by quarter_turns x 90 degrees counter-clockwise (like numpy.rot90): dst is C x W x H for an
// odd number of turns, C x H x W otherwise. dst must not overlap src.
void Rotate90(int c, int h, int w, const float* src, int quarter_turns, float* dst);

// ---- colour (torchvision's ColorJitter/Grayscale semantics) -------------------------------------

// Luma of an RGB pixel, the weights torchvision uses (ITU-R 601-2).
inline float Luma(float r, float g, float b) { return 0.2989f * r + 0.587f * g + 0.114f * b; }

// Every channel becomes the luma (RGB only; other channel counts are left alone).
void ToGrey(int c, int h, int w, float* image);
// v * factor: 0 gives black, 1 the image.
void AdjustBrightness(int c, int h, int w, float* image, float factor);
// Blends with the mean luma of the whole image (mean of all values if not RGB): 0 gives flat grey.
void AdjustContrast(int c, int h, int w, float* image, float factor);
// Blends each pixel with its own luma (RGB only): 0 gives greyscale, 2 doubles the saturation.
void AdjustSaturation(int c, int h, int w, float* image, float factor);

// ---- filters -------------------------------------------------------------------------------------

// Gaussian blur with standard deviation sigma (pixels), separable, borders repeated; the kernel
// reaches 3 sigma (at most kMaxBlurRadius pixels). sigma <= 0 leaves the image alone.
inline constexpr int kMaxBlurRadius = 32;
void GaussianBlur(int c, int h, int w, float* image, float sigma, float* scratch);

// Edge map: Sobel gradient magnitude of the luma (of the channel mean if not RGB), borders repeated,
// divided by its maximum so it spans [0, 1] (a flat image gives 0), written to every channel.
void SobelMagnitude(int c, int h, int w, float* image, float* scratch);

// ---- erasing -------------------------------------------------------------------------------------

// Sets the rect_h x rect_w rectangle at (top, left), clipped to the image, to `value` in every channel.
void FillRect(int c, int h, int w, float* image, int top, int left, int rect_h, int rect_w, float value);

}  // namespace gradlab::data
