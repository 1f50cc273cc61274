/**
 * What goes between two tokens printed on the same line: nothing around the
 * `.` of `orders.orders-api`, one space everywhere else.
 */
export function spaceBetween(before: string, after: string): string {
  return before === '.' || after === '.' ? '' : ' ';
}

/** The tokens' images as one line. */
export function joinInline(images: readonly string[]): string {
  let out = '';
  images.forEach((image, i) => {
    out += (i === 0 ? '' : spaceBetween(images[i - 1], image)) + image;
  });
  return out;
}
