/** A track caveat (engine/results/trackTypes.ts Caveat) in words, in English or French. */
import type { Caveat } from "../../engine/results/trackTypes.js";
import { label, type Lang } from "../i18n/index.js";

export function caveatText(c: Caveat, lang: Lang): string {
  if (lang === "fr") {
    if (c.kind === "definition")
      return `les observations de ${c.observed} sont comparées à des scénarios dont les tailles mesurent ${c.scenario} (${label(c.label, lang)}) : parts et taux de croissance sont comparés, mais un marché défini autrement peut croître à un autre rythme et se partager autrement`;
    if (c.kind === "undefined")
      return `le scénario ${c.scenario} ne dit pas quel marché il mesure : ses parts et taux de croissance sont comparés aux chiffres de ${c.observed} comme si les définitions concordaient`;
    return `la croissance de ${c.entity} (${c.file}:${c.line}) porte sur une entité ${c.match === "broader" ? "plus large" : "plus étroite"} que celle des scénarios : comparée avec cette réserve`;
  }
  if (c.kind === "definition")
    return `observations of ${c.observed} are compared with scenarios whose sizes measure ${c.scenario} (${label(c.label, lang)}): shares and growth rates are compared, but a market defined otherwise may grow at another rate and split otherwise`;
  if (c.kind === "undefined")
    return `scenario ${c.scenario} does not say which market it measures: its shares and growth rates are compared with figures of ${c.observed} as if the definitions agreed`;
  return `${c.entity} growth (${c.file}:${c.line}) is measured on a ${c.match} entity than the scenarios': compared with that caveat`;
}
