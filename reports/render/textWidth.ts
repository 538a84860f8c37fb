/**
 * Text width of the shipped Inter font, without a layout engine: jsdom cannot
 * measure text, so end labels and margins are sized from the advance widths of
 * the glyphs (read once from reports/fonts/Inter-*.ttf, hmtx table, in 1/1000 em;
 * kerning ignored, which errs on the wide side for Inter).
 */
const CHARS =
  "0123456789 !\"#$%&'()*+,-./:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ  –—’“”…≤≥€Œœ";
const REGULAR = [
  631, 407, 610, 618, 646, 593, 620, 566, 619, 620, 281, 288, 466, 633, 642, 982, 644, 300, 365, 365, 501, 662, 288, 460, 288, 360, 288, 302, 662, 662, 662,
  511, 966, 690, 654, 730, 722, 601, 590, 746, 743, 269, 571, 672, 565, 903, 753, 765, 639, 765, 644, 642, 646, 744, 690, 985, 682, 679, 629, 365, 360, 365,
  471, 456, 323, 562, 612, 571, 612, 583, 370, 613, 591, 242, 242, 549, 242, 876, 591, 600, 612, 612, 376, 528, 327, 591, 562, 818, 546, 562, 552, 426, 333,
  426, 662, 281, 288, 571, 611, 725, 550, 270, 568, 591, 914, 454, 583, 662, 666, 478, 456, 662, 442, 446, 323, 586, 603, 288, 268, 304, 482, 583, 802, 847,
  882, 511, 690, 690, 690, 690, 690, 690, 994, 730, 601, 601, 601, 601, 269, 269, 269, 269, 735, 753, 765, 765, 765, 765, 765, 662, 765, 744, 744, 744, 744,
  679, 636, 616, 562, 562, 562, 562, 562, 562, 917, 571, 583, 583, 583, 583, 242, 242, 242, 242, 583, 591, 600, 600, 600, 600, 600, 662, 600, 591, 591, 591,
  591, 562, 612, 562, 182, 182, 500, 1000, 261, 440, 440, 864, 662, 662, 667, 1005, 1000,
];
const SEMIBOLD = [
  660, 423, 623, 636, 666, 612, 640, 576, 640, 640, 252, 321, 523, 644, 650, 1004, 663, 326, 373, 373, 540, 673, 319, 465, 319, 379, 319, 329, 673, 673, 673,
  543, 999, 728, 659, 737, 722, 605, 588, 749, 746, 277, 580, 703, 565, 922, 759, 769, 645, 773, 652, 650, 660, 736, 728, 1020, 720, 713, 652, 373, 379, 373,
  481, 469, 351, 574, 624, 583, 624, 591, 389, 625, 612, 262, 262, 569, 262, 900, 612, 609, 624, 624, 397, 549, 353, 612, 587, 839, 569, 588, 566, 455, 359,
  455, 673, 252, 321, 583, 629, 749, 563, 316, 568, 612, 914, 460, 634, 673, 664, 452, 458, 673, 454, 463, 351, 614, 600, 319, 332, 324, 487, 634, 831, 870,
  907, 543, 728, 728, 728, 728, 728, 728, 1013, 737, 605, 605, 605, 605, 277, 277, 277, 277, 751, 759, 769, 769, 769, 769, 769, 673, 769, 736, 736, 736, 736,
  713, 658, 644, 574, 574, 574, 574, 574, 574, 913, 583, 591, 591, 591, 591, 262, 262, 262, 262, 594, 612, 609, 609, 609, 609, 609, 673, 609, 612, 612, 612,
  612, 588, 624, 588, 166, 166, 500, 1000, 294, 507, 501, 956, 673, 673, 679, 1014, 992,
];

const regular = new Map<string, number>();
const semibold = new Map<string, number>();
[...CHARS].forEach((c, i) => {
  regular.set(c, REGULAR[i]);
  semibold.set(c, SEMIBOLD[i]);
});
/** Width of a glyph missing from the table, in 1/1000 em (a wide lowercase letter). */
const FALLBACK = 640;

/**
 * Width in pixels of `text` set in Inter at `fontSize` px.
 * @example textWidth("70%", 12) // about 22 px
 */
export function textWidth(text: string, fontSize: number, weight: "regular" | "semibold" = "regular"): number {
  const table = weight === "semibold" ? semibold : regular;
  let units = 0;
  for (const c of text) units += table.get(c) ?? FALLBACK;
  return (units / 1000) * fontSize;
}

/** Break `text` into lines no wider than `maxWidth` px (words are never split). */
export function wrapText(text: string, fontSize: number, maxWidth: number, weight: "regular" | "semibold" = "regular"): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (line !== "" && textWidth(next, fontSize, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== "") lines.push(line);
  return lines;
}
