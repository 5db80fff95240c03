import { h } from "../../blocks/crosshead/sample.ts";
import { links } from "../../blocks/external-links/sample.ts";
import { image } from "../../blocks/image/sample.ts";
import { list } from "../../blocks/list/sample.ts";
import { video } from "../../blocks/media/sample.ts";
import { p } from "../../blocks/paragraph/sample.ts";
import { pull, q } from "../../blocks/quote/sample.ts";
import { related } from "../../blocks/related-stories/sample.ts";
import type { SampleArticle } from "../blocks.ts";

const byline = [{ name: "Rhys Pennant", role: "Sports reporter" }];

export const sport: SampleArticle[] = [
  {
    id: "spo-tollerby-promotion",
    section: "Sport",
    headline: "Tollerby Town clinch promotion with last-minute winner",
    summary: "Substitute Kofi Mensah-Barr scored in the 94th minute to send Town up to the Northern Counties Premier.",
    byline,
    published: "2026-03-15T17:05:00Z",
    blocks: [
      video("Highlights: Tollerby Town 2-1 Ashby Vale", 142),
      p(
        "Tollerby Town won promotion to the Northern Counties Premier League with a dramatic 2-1 win over Ashby Vale on the final day of the season.",
      ),
      image(
        "tollerby-ground.svg",
        "Illustration of a football pitch seen from above",
        "More than 2,100 fans packed into Mill Road for the final game",
        "Illustration: Newsdesk",
      ),
      p(
        "Substitute Kofi Mensah-Barr headed in a corner in the fourth minute of stoppage time, sparking a pitch invasion at Mill Road.",
      ),
      pull(
        "I just closed my eyes and attacked the ball. When I opened them everyone was on top of me.",
        "Kofi Mensah-Barr",
      ),
      p(
        'Manager Dana Whitcombe said the squad had "refused to accept that the season was over" after falling behind early in the second half.',
      ),
      q(
        "We were a goal down with twenty minutes left and nobody in that dressing room panicked. That's what this group is.",
        "Dana Whitcombe",
      ),
      h("How the table finished"),
      list(["Tollerby Town, 84 points", "Harlow Cross, 83 points", "Ashby Vale, 79 points"], true),
      related("spo-manager-contract", "bus-halden-pike-jobs"),
      links(["Tollerby Town FC", "https://tollerbytown.example/"]),
    ],
    people: ["Kofi Mensah-Barr", "Dana Whitcombe"],
    organisations: ["Tollerby Town", "Ashby Vale"],
    places: ["Tollerby"],
  },
  {
    id: "spo-manager-contract",
    section: "Sport",
    headline: "Tollerby Town manager Dana Whitcombe signs new three-year deal",
    summary: "The promotion-winning manager turned down approaches from two bigger clubs to stay at Mill Road.",
    byline,
    published: "2026-03-18T12:30:00Z",
    blocks: [
      p(
        "Tollerby Town manager Dana Whitcombe has signed a new three-year contract, days after leading the club to promotion.",
      ),
      p("Whitcombe, 41, is understood to have turned down approaches from two clubs in the division above."),
      q(
        "I've got unfinished business here. This town has backed us all season and I want to repay that at the next level.",
        "Dana Whitcombe",
      ),
      p('Club chairman Stan Oduya said keeping Whitcombe was "the most important signing we will make this summer".'),
      p("Whitcombe took charge in 2023 with the club bottom of the league and has lost only nine league games since."),
      related("spo-tollerby-promotion"),
    ],
    people: ["Dana Whitcombe", "Stan Oduya"],
    organisations: ["Tollerby Town"],
    places: ["Tollerby"],
  },
  {
    id: "spo-rowing-regatta",
    section: "Sport",
    headline: "Quillhaven Rowing Club crews win three titles at spring regatta",
    summary: "The club's women's four set a course record on the estuary, beating the old time by six seconds.",
    byline,
    published: "2026-03-09T18:00:00Z",
    blocks: [
      p(
        "Quillhaven Rowing Club won three titles at the Wendlemoor Spring Regatta, including a course record for its women's four.",
      ),
      p(
        "The crew of Saoirse Lindqvist, Mei Hardcastle, Tola Adeyinka and Rosa Penhaligon finished the 2km estuary course in 6 minutes 41 seconds.",
      ),
      q(
        "The tide was with us and we'd talked about going hard from the first stroke. It's nice when a plan works.",
        "Saoirse Lindqvist",
      ),
      p("The club also won the men's double sculls and the junior eight."),
      p(
        "Head coach Bartholomew Nkemelu said the club's membership had doubled in two years, helped by a learn-to-row scheme for adults.",
      ),
      links(["Quillhaven Rowing Club", "https://quillhaven-rowing.example/"]),
    ],
    people: ["Saoirse Lindqvist", "Mei Hardcastle", "Tola Adeyinka", "Rosa Penhaligon", "Bartholomew Nkemelu"],
    organisations: ["Quillhaven Rowing Club"],
    places: ["Quillhaven"],
  },
  {
    id: "spo-cricket-double-century",
    section: "Sport",
    headline: "Brackenford captain hits double century in indoor league final",
    summary:
      "Ishaan Coverdale's 204 not out is the highest score in the 40-year history of the Wendlemoor Indoor League.",
    byline,
    published: "2026-03-06T21:30:00Z",
    blocks: [
      p(
        "Brackenford captain Ishaan Coverdale scored 204 not out to win the Wendlemoor Indoor Cricket League final, the highest individual score in the competition's 40-year history.",
      ),
      p("Coverdale hit 19 fours and 11 sixes as Brackenford beat Wrenhithe by 96 runs at the Quillhaven sports hall."),
      pull(
        "Indoor cricket is all about running. I think I ran further tonight than in the whole of last summer.",
        "Ishaan Coverdale",
      ),
      p('Wrenhithe\'s captain, Morwenna Blight, said her side had "simply run out of ideas".'),
      q(
        "We tried pace, we tried spin, we tried bowling it slower than I thought possible. He hit all of it.",
        "Morwenna Blight",
      ),
      related("pol-brackenford-byelection"),
    ],
    people: ["Ishaan Coverdale", "Morwenna Blight"],
    organisations: ["Wendlemoor Indoor Cricket League"],
    places: ["Brackenford", "Wrenhithe", "Quillhaven"],
  },
  {
    id: "spo-half-marathon-route",
    section: "Sport",
    headline: "Quillhaven half marathon route changed because of bridge works",
    summary: "Runners will cross the harbour on the old swing bridge instead of the closed Tidemill bridge.",
    byline,
    published: "2026-03-02T09:40:00Z",
    blocks: [
      p(
        "The route of this year's Quillhaven half marathon has been changed because of repair work on the Tidemill bridge.",
      ),
      p(
        "The 4,000 runners will instead cross the harbour on the old swing bridge, which will be closed to traffic for the morning.",
      ),
      p("Race director Ellis Montague said the new route was slightly flatter and could produce faster times."),
      q(
        "We've lost one hill and gained a stretch along the quay. I suspect a few personal bests will be set.",
        "Ellis Montague",
      ),
      h("Road closures on race day"),
      list([
        "Harbour Road: closed 07:00 to 13:00",
        "Swing bridge: closed to vehicles 08:00 to 12:00",
        "Quay Street: one-way northbound from 07:00",
      ]),
      related("cul-lantern-festival"),
      links(["Quillhaven Half Marathon", "https://quillhaven-half.example/"]),
    ],
    people: ["Ellis Montague"],
    organisations: ["Quillhaven Half Marathon"],
    places: ["Quillhaven"],
  },
];
