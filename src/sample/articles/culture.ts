import { h } from "../../blocks/crosshead/sample.ts";
import { embed } from "../../blocks/embed/sample.ts";
import { links } from "../../blocks/external-links/sample.ts";
import { image } from "../../blocks/image/sample.ts";
import { list } from "../../blocks/list/sample.ts";
import { video } from "../../blocks/media/sample.ts";
import { p } from "../../blocks/paragraph/sample.ts";
import { pull, q } from "../../blocks/quote/sample.ts";
import { related } from "../../blocks/related-stories/sample.ts";
import type { SampleArticle } from "../blocks.ts";

const byline = [{ name: "Felix Ambrose", role: "Arts reporter" }];

export const culture: SampleArticle[] = [
  {
    id: "cul-lantern-festival",
    section: "Culture",
    headline: "Lantern festival draws record crowds to Quillhaven harbour",
    summary: "An estimated 45,000 people watched 3,000 handmade lanterns carried along the quay.",
    byline,
    published: "2026-03-17T22:10:00Z",
    blocks: [
      video("The lantern parade makes its way along the quay at dusk", 63),
      p(
        "An estimated 45,000 people lined Quillhaven harbour on Saturday night for the city's lantern festival, the largest crowd in its 25-year history.",
      ),
      p(
        "More than 3,000 lanterns, made by schools and community groups in workshops over the winter, were carried along the quay.",
      ),
      image(
        "quillhaven-harbour.svg",
        "Illustration of the harbour at dusk with lights along the quay",
        "The parade ended at the harbour mouth with a display on the water",
        "Illustration: Newsdesk",
      ),
      p(
        'Festival director Ottilie Marchetti said this year\'s theme, "the tide comes home", had been chosen to mark the return of fishing boats to the inner basin.',
      ),
      pull(
        "Every lantern has somebody's winter inside it. You can see the evenings people spent bending willow at the kitchen table.",
        "Ottilie Marchetti",
      ),
      embed(
        "https://social.example/quillhavenlanterns/status/20260317",
        "Social",
        "Quillhaven Lantern Festival thanks volunteers",
        "<blockquote><p>What a night. 3,000 lanterns, 45,000 of you, and not a drop of rain. Thank you to every volunteer who stewarded, glued and carried.</p><p>— Quillhaven Lanterns (@quillhavenlanterns)</p></blockquote>",
      ),
      p("Police said the evening passed without any arrests."),
      related("bus-port-record", "cul-touring-bus-play"),
      links(["Quillhaven Lantern Festival", "https://lanterns.quillhaven.example/"]),
    ],
    people: ["Ottilie Marchetti"],
    organisations: ["Quillhaven Lantern Festival"],
    places: ["Quillhaven"],
  },
  {
    id: "cul-novel-shortlist",
    section: "Culture",
    headline: "Debut novel set in Dunmarsh shortlisted for Northmoor Prize",
    summary: "Edith Crane-Mbeki's 'The Quiet Acre' follows three generations of a farming family on the marsh.",
    byline,
    published: "2026-03-14T11:30:00Z",
    blocks: [
      p("A debut novel set in the village of Dunmarsh has been shortlisted for the Northmoor Prize for fiction."),
      p(
        "The Quiet Acre, by Edith Crane-Mbeki, follows three generations of a farming family as the marsh around them is drained, flooded and drained again.",
      ),
      p(
        "Crane-Mbeki, a former librarian who grew up in the village, wrote most of the book in the early mornings before work.",
      ),
      q(
        "I wanted to write about the kind of place that never gets written about, where the big events are a wet harvest and a wedding.",
        "Edith Crane-Mbeki",
      ),
      p('The judges called it "a patient, luminous book that earns every one of its quiet moments".'),
      h("The shortlist"),
      list([
        "The Quiet Acre by Edith Crane-Mbeki",
        "Salt Roads by Marius Kettleborough",
        "A Field Guide to Leaving by Noor Villiers",
        "Iron Weather by Constance Adeyemi-Hart",
      ]),
      p("The winner will be announced in Quillhaven on 2 May."),
      related("sci-dunmarsh-orchid"),
    ],
    people: ["Edith Crane-Mbeki", "Marius Kettleborough", "Noor Villiers", "Constance Adeyemi-Hart"],
    organisations: ["Northmoor Prize"],
    places: ["Dunmarsh", "Quillhaven"],
  },
  {
    id: "cul-corn-exchange",
    section: "Culture",
    headline: "Brackenford's Old Corn Exchange to reopen as arts centre",
    summary:
      "The Victorian hall, closed since 2019, will house a cinema, studios and a 300-seat venue after a £7m restoration.",
    byline,
    published: "2026-03-11T10:00:00Z",
    blocks: [
      p("Brackenford's Old Corn Exchange is to reopen as an arts centre after a £7m restoration."),
      p(
        "The Victorian hall, which closed in 2019 when its roof was declared unsafe, will house a 300-seat venue, a small cinema and studios for local artists.",
      ),
      p(
        "The project is being led by the Corn Exchange Trust, which raised £1.2m from local donors. The rest came from heritage grants and the district council.",
      ),
      pull(
        "For a century this building was where the town came together to trade. Now it will be where the town comes together to make things.",
        "Anwen Strickland",
      ),
      p("Trust director Anwen Strickland said work would start in May, with the building due to reopen in late 2027."),
      related("bus-high-street", "pol-brackenford-byelection"),
    ],
    people: ["Anwen Strickland"],
    organisations: ["Corn Exchange Trust", "Wendlemoor District Council"],
    places: ["Brackenford"],
  },
  {
    id: "cul-brass-band",
    section: "Culture",
    headline: "Wrenhithe Silver Band marks 150 years with concert in the mill",
    summary:
      "Founded by mill workers in 1876, the band played its anniversary concert in the weaving shed where it began.",
    byline,
    published: "2026-03-07T20:45:00Z",
    blocks: [
      p(
        "Wrenhithe Silver Band has celebrated its 150th anniversary with a concert in the old weaving shed where it was founded.",
      ),
      p(
        "The band was started in 1876 by workers at Wrenhithe Mill, who paid a penny a week towards their instruments.",
      ),
      p(
        "Its oldest member, 91-year-old cornet player Harold Pennock, joined in 1947 and played at Saturday's concert.",
      ),
      q(
        "I've played in snow, in floods and once on the back of a coal lorry. But I never thought I'd play in the shed again.",
        "Harold Pennock",
      ),
      p("The youngest member, 11-year-old Aisha Kurt, joined last year after a taster session at school."),
      p("Musical director Joanna Lisle said the band had 38 players, the most since the 1980s."),
      related("sci-solar-coop"),
    ],
    people: ["Harold Pennock", "Aisha Kurt", "Joanna Lisle"],
    organisations: ["Wrenhithe Silver Band"],
    places: ["Wrenhithe"],
  },
  {
    id: "cul-touring-bus-play",
    section: "Culture",
    headline: "Theatre company stages play on a moving bus around Quillhaven",
    summary:
      "Audiences of 30 ride a double-decker through the city as actors perform a story about its last tram driver.",
    byline,
    published: "2026-03-03T16:00:00Z",
    blocks: [
      p("A Quillhaven theatre company is staging a play on board a moving double-decker bus."),
      p(
        "Last Stop, by Tidewater Theatre, follows the final shift of the city's last tram driver in 1961. The audience of 30 sits on the upper deck as the bus follows the old tram route.",
      ),
      p(
        "Writer and director Cosmo Fairbrother said the idea came from a conversation with his grandmother, who rode the trams as a girl.",
      ),
      q(
        "She said the city looked different from up there. I wanted people to see it the way she did.",
        "Cosmo Fairbrother",
      ),
      p("Performances run until the end of April. Brightwater Buses has lent the bus for free."),
      related("pol-bus-fares", "cul-lantern-festival"),
      links(["Tidewater Theatre: Last Stop", "https://tidewater-theatre.example/last-stop"]),
    ],
    people: ["Cosmo Fairbrother"],
    organisations: ["Tidewater Theatre", "Brightwater Buses"],
    places: ["Quillhaven"],
  },
];
