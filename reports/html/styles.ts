/**
 * The report's CSS, inline. The shipped Inter TTF files are embedded as data:
 * URLs so that the page looks like the PNGs and opens offline with no request.
 */
import { readFileSync } from "node:fs";
import { fontDir } from "../render/png.js";

function fontFace(file: string, weight: number): string {
  const data = readFileSync(fontDir() + file).toString("base64");
  return `@font-face{font-family:Inter;font-style:normal;font-weight:${weight};src:url(data:font/ttf;base64,${data}) format("truetype");}`;
}

export function reportCss(): string {
  return [
    fontFace("Inter-Regular.ttf", 400),
    fontFace("Inter-SemiBold.ttf", 600),
    `:root{color-scheme:light;}
body{font-family:Inter,system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.5;font-size:16px;}
main{max-width:800px;margin:0 auto;padding:32px 20px 64px;}
h1{font-size:30px;line-height:1.2;margin:0 0 12px;font-weight:600;}
h2{font-size:22px;margin:48px 0 12px;font-weight:600;border-top:1px solid #e3e3e3;padding-top:20px;}
h3{font-size:17px;margin:28px 0 8px;font-weight:600;}
h4{font-size:15px;margin:20px 0 6px;font-weight:600;}
article.story{margin:0 0 40px;}
article.story td.num{white-space:nowrap;}
td.value{font-size:13px;color:#444;overflow-wrap:anywhere;}
ol.sources li{margin-bottom:6px;font-size:14px;}
p.lead{font-size:18px;color:#444;}
nav ol{columns:2;padding-left:20px;}
a{color:#0a5c94;}
table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0 16px;font-variant-numeric:tabular-nums;}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e3e3e3;vertical-align:top;}
th{font-weight:600;}
thead th{border-bottom:2px solid #999;}
td.num,th.num{text-align:right;}
.med,.ci{white-space:nowrap;display:inline-block;}
.ci{color:#5f5f5f;font-size:13px;}
th[scope=row]{min-width:9em;}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;vertical-align:baseline;}
figure{margin:28px 0 36px;}
figure svg{display:block;max-width:100%;height:auto;}
figcaption{font-size:13px;color:#5f5f5f;margin-top:4px;}
pre{background:#f5f5f5;padding:12px;overflow-x:auto;font-size:12px;white-space:pre-wrap;overflow-wrap:anywhere;}
.note{font-size:14px;color:#5f5f5f;}
code{font-size:13px;}`,
  ].join("\n");
}
