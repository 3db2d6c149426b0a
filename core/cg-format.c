/* cg-format.c: numbers written exactly and fast
 *
 * Matrices are written with "%.17g", which round-trips every double. A 2000 × 2000
 * matrix has four million numbers, and printf spends most of the time writing them; the
 * divergences are mostly in [1e-6, 1], where the 17 digits can be computed exactly with
 * 128-bit integers. Everything else goes to printf, so the output is always the same
 * bytes as printf's.
 *
 * Copyright 2026 The Common Ground authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "cg-format"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cg-format.h"

typedef unsigned __int128 u128;

/* 10^-22 … 10^0, indexed by exponent + 22: to place the first digit at once. */
static const double powers_of_ten[] = {
  1e-22, 1e-21, 1e-20, 1e-19, 1e-18, 1e-17, 1e-16, 1e-15, 1e-14, 1e-13, 1e-12, 1e-11,
  1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1e0,
};

static const char digit_pairs[] =
  "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
  "8081828384858687888990919293949596979899";

static int
fallback (double value,
          char   buffer[CG_FORMAT_G17_SIZE])
{
  return g_snprintf (buffer, CG_FORMAT_G17_SIZE, "%.17g", value);
}

/**
 * cg_format_g17:
 * @value: any double
 * @buffer: (out caller-allocates): at least %CG_FORMAT_G17_SIZE bytes
 *
 * Writes @value exactly as `printf ("%.17g")` does in the C locale.
 *
 * Returns: the length written
 */
int
cg_format_g17 (double value,
               char   buffer[CG_FORMAT_G17_SIZE])
{
  static u128 powers[23];
  guint64 bits, mantissa;
  int exponent2, exponent10, k, shift;
  u128 product, digits, remainder, half, ten16, ten17;
  char text[24];
  int n, len = 0;

  if (G_UNLIKELY (powers[0] == 0))
    {
      u128 p = 1;
      for (int i = 0; i < 23; i++, p *= 10)
        powers[i] = p;
    }

  /* Only positive normal numbers from 1e-6 up to 1: divergences and coverages. */
  if (!(value >= 1e-6 && value <= 1.0))
    {
      if (value == 0.0 && !signbit (value))
        {
          buffer[0] = '0';
          buffer[1] = '\0';
          return 1;
        }
      return fallback (value, buffer);
    }

  memcpy (&bits, &value, sizeof bits);
  mantissa = (bits & ((G_GUINT64_CONSTANT (1) << 52) - 1)) | (G_GUINT64_CONSTANT (1) << 52);
  exponent2 = (int) ((bits >> 52) & 0x7ff) - 1075;  /* value = mantissa × 2^exponent2 */

  /* The decimal exponent of the first significant digit, from the binary one:
   * log10 (2) ≈ 78913 / 2^18. It may be one too low, which the digit count below
   * corrects. */
  exponent10 = ((exponent2 + 52) * 78913) >> 18;
  if (exponent10 < 0 && value >= powers_of_ten[exponent10 + 1 + 22])
    exponent10++;
  k = 16 - exponent10;
  if (k < 0 || k > 22)
    return fallback (value, buffer);

  shift = -exponent2;
  if (shift <= 0 || shift >= 128)
    return fallback (value, buffer);

  ten16 = powers[16];
  ten17 = powers[17];

  for (int attempt = 0; attempt < 3; attempt++)
    {
      product = (u128) mantissa * powers[k];  /* < 2^53 × 10^22 < 2^127 */
      digits = product >> shift;
      remainder = product - (digits << shift);
      half = (u128) 1 << (shift - 1);

      /* Round to nearest, ties to even, as printf does. */
      if (remainder > half || (remainder == half && (digits & 1)))
        digits++;

      if (digits < ten16 && attempt < 2 && k < 22)
        {
          k++;
          exponent10--;
          continue;
        }
      if (digits >= ten17)
        {
          if (attempt < 2 && k > 0 && product >> shift >= ten17)
            {
              k--;
              exponent10++;
              continue;
            }
          /* Rounded up to 10^17: one digit more, 1 followed by zeros. */
          digits /= 10;
          exponent10++;
        }
      break;
    }
  if (digits < ten16 || digits >= ten17)
    return fallback (value, buffer);

  /* 17 digits, most significant first: below 10^17, so 64-bit arithmetic will do. */
  {
    guint64 d64 = (guint64) digits;

    for (int i = 15; i >= 1; i -= 2)
      {
        guint pair = (guint) (d64 % 100);

        text[i] = digit_pairs[2 * pair];
        text[i + 1] = digit_pairs[2 * pair + 1];
        d64 /= 100;
      }
    text[0] = (char) ('0' + (int) d64);
  }
  n = 17;
  while (n > 1 && text[n - 1] == '0')
    n--;

  /* %g: exponent form when the exponent is below −4 (never 17 or more here). */
  if (exponent10 < -4)
    return fallback (value, buffer);

  if (exponent10 >= 0)
    {
      /* 1 exactly (value ≤ 1). */
      int int_digits = exponent10 + 1;

      for (int i = 0; i < int_digits; i++)
        buffer[len++] = i < n ? text[i] : '0';
      if (n > int_digits)
        {
          buffer[len++] = '.';
          for (int i = int_digits; i < n; i++)
            buffer[len++] = text[i];
        }
    }
  else
    {
      buffer[len++] = '0';
      buffer[len++] = '.';
      for (int i = 0; i < -exponent10 - 1; i++)
        buffer[len++] = '0';
      for (int i = 0; i < n; i++)
        buffer[len++] = text[i];
    }
  buffer[len] = '\0';
  return len;
}
