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

const byline = [{ name: "Anya Brightwell", role: "Political reporter" }];

export const politics: SampleArticle[] = [
  {
    id: "pol-harbour-housing",
    section: "Politics",
    headline: "Quillhaven council approves harbour-front housing plan after seven-hour meeting",
    summary:
      "Councillors backed 640 homes on the old fish market site, with conditions on affordable housing and flood defences.",
    byline,
    published: "2026-03-18T21:40:00Z",
    updated: "2026-03-19T08:15:00Z",
    blocks: [
      image(
        "council-chamber.svg",
        "Illustration of Quillhaven's council house, a columned building with a clock on its pediment",
        "The vote came shortly before midnight in Quillhaven's council chamber",
        "Illustration: Newsdesk",
      ),
      p(
        "Plans for 640 homes on Quillhaven's disused fish market have been approved after a seven-hour meeting that ended shortly before midnight.",
      ),
      p(
        "Quillhaven City Council's planning committee voted eight to five in favour of the scheme by developer Saltmarsh Living, which has been under discussion for almost three years.",
      ),
      p(
        'Council leader Maren Ashby said the decision would bring "homes that local families can actually afford" to a part of the city that had been fenced off for a decade.',
      ),
      q(
        "This site has been a wall of hoarding for ten years. Tonight we have said yes to homes, yes to a public harbour walk and yes to jobs while it is built.",
        "Maren Ashby",
      ),
      h("Conditions attached"),
      p("The approval comes with a list of conditions, which the developer must meet before work can begin:"),
      list([
        "At least 35% of the homes must be let or sold at affordable rates",
        "A raised flood wall along the full length of the quay, paid for by the developer",
        "A public walkway open from dawn until midnight",
        "No more than 120 parking spaces, with a car club on site",
      ]),
      p(
        'Opposition councillor Tobias Renwick, who voted against, said the towers proposed for the northern end of the site were "out of scale with everything around them".',
      ),
      pull(
        "We are being asked to trade the skyline of the old town for a promise on affordability that has been broken before.",
        "Tobias Renwick",
      ),
      h("Residents divided"),
      p(
        "More than 900 letters were sent to the council about the plan. The Harbourside Residents' Association, which had campaigned against the height of the buildings, said it would consider asking for a judicial review.",
      ),
      p('Its chair, Priya Olawale, told the meeting: "Nobody here is against homes. We are against being ignored."'),
      p(
        "Saltmarsh Living said it hoped to begin demolition of the old market sheds in the autumn, with the first residents moving in during 2029.",
      ),
      related("pol-bus-fares", "bus-port-record"),
      links(
        ["Quillhaven City Council planning portal", "https://quillhaven.example/planning"],
        ["Harbourside Residents' Association", "https://harbourside-residents.example/"],
      ),
    ],
    people: ["Maren Ashby", "Tobias Renwick", "Priya Olawale"],
    organisations: ["Quillhaven City Council", "Saltmarsh Living", "Harbourside Residents' Association"],
    places: ["Quillhaven"],
  },
  {
    id: "pol-bus-fares",
    section: "Politics",
    headline: "Wendlemoor Assembly votes to cap single bus fares at £2",
    summary: "The cap will apply on every route in the county from June, paid for by a levy on workplace parking.",
    byline,
    published: "2026-03-16T15:05:00Z",
    blocks: [
      video('Idris Calloway: "A bus fare should never be the reason someone turns down a job"', 94),
      p(
        "Single bus fares across Wendlemoor will be capped at £2 from June after the regional assembly voted for the scheme by 31 votes to 19.",
      ),
      p("The cap will be paid for by a levy on large employers' car parks, which is expected to raise £6.4m a year."),
      p(
        'Transport member Idris Calloway, who proposed the cap, said fares of up to £5.80 for a single journey had been "pricing people out of work and out of town centres".',
      ),
      q("A bus fare should never be the reason someone turns down a job. From June, it won't be.", "Idris Calloway"),
      h("Operators cautious"),
      p(
        "Brightwater Buses, which runs most routes in the county, said it supported lower fares but wanted guarantees about how it would be compensated.",
      ),
      p(
        'Its managing director, Helena Marsh, said: "We will make this work, but a cap that is not fully funded would end with fewer buses, not more passengers."',
      ),
      p(
        "The Wendlemoor Chamber of Commerce said the parking levy would fall hardest on hospitals and factories with shift workers who have no alternative to driving.",
      ),
      related("pol-harbour-housing", "bus-high-street"),
      links(["Wendlemoor Regional Assembly: transport committee", "https://assembly.wendlemoor.example/transport"]),
    ],
    people: ["Idris Calloway", "Helena Marsh"],
    organisations: ["Wendlemoor Regional Assembly", "Brightwater Buses", "Wendlemoor Chamber of Commerce"],
    places: ["Wendlemoor"],
  },
  {
    id: "pol-brackenford-byelection",
    section: "Politics",
    headline: "Brackenford by-election: five candidates set out their priorities",
    summary: "Voters in the market town go to the polls on Thursday after the death of long-serving member Alun Weir.",
    byline,
    published: "2026-03-14T09:30:00Z",
    blocks: [
      p(
        "Five candidates are standing in Thursday's by-election for Brackenford's seat on the Wendlemoor Regional Assembly.",
      ),
      p(
        "The vote was called after the death in January of Alun Weir, who had represented the town for 22 years and was known across the chamber for his campaigns on rural post offices.",
      ),
      h("Who is standing"),
      list([
        "Caitlin Moss, Community First: a former head teacher promising to reopen the town's swimming pool",
        "Dev Sandhu, Wendlemoor Progressives: a farmer campaigning on flood protection",
        "Harriet Lowe, Civic Party: a councillor calling for a bypass around the high street",
        "Owen Fairclough, Greens: a bicycle mechanic who wants a rail link restored",
        "Neville Thorne, independent: a retired police officer standing on anti-social behaviour",
      ]),
      p(
        "At a hustings in the Corn Exchange on Tuesday, the swimming pool dominated questions from the audience of about 200 people.",
      ),
      p(
        'Caitlin Moss said the pool\'s closure in 2023 had left children "a forty-minute bus ride from the nearest lesson".',
      ),
      q(
        "Every child in this town should leave primary school able to swim. Right now, fewer than half do.",
        "Caitlin Moss",
      ),
      p(
        "Dev Sandhu said he would ask for the town's flood defences to be moved up the assembly's list, pointing to the River Wendle's record levels this winter.",
      ),
      p("Polls open at 07:00 and close at 22:00, with the count expected in the early hours of Friday."),
      related("sci-river-wendle-floods", "cul-corn-exchange"),
    ],
    people: ["Caitlin Moss", "Dev Sandhu", "Harriet Lowe", "Owen Fairclough", "Neville Thorne", "Alun Weir"],
    organisations: ["Wendlemoor Regional Assembly", "Community First", "Civic Party"],
    places: ["Brackenford"],
  },
  {
    id: "pol-dunmarsh-parish",
    section: "Politics",
    headline: "Dunmarsh parish councillors resign together over quarry decision",
    summary:
      "All seven members quit, saying the district council ignored the village's objections to a quarry extension.",
    byline,
    published: "2026-03-11T18:20:00Z",
    blocks: [
      p(
        "Every member of Dunmarsh Parish Council has resigned in protest at a decision to let a nearby quarry expand towards the village.",
      ),
      p(
        "The seven councillors announced their resignations in a joint letter read out at the start of their monthly meeting in the village hall on Wednesday evening.",
      ),
      p(
        "Wendlemoor District Council approved the extension by Greyridge Aggregates last month, despite 412 objections and a petition signed by more than half of the village's adults.",
      ),
      pull("We were asked for our views, we gave them, and they were set aside in eleven minutes.", "Ruth Penhallow"),
      p('The parish council\'s chair, Ruth Penhallow, said members felt they had "no voice left to use".'),
      p(
        '"Resigning is the last thing any of us wanted. But staying on would suggest we thought the system had listened to us," she said.',
      ),
      h("Quarry says it will protect village"),
      p(
        "Greyridge Aggregates said the extension would safeguard 60 jobs and that a landscaped earth bank would shield homes from noise and dust.",
      ),
      p(
        'A spokesperson for Wendlemoor District Council said the application had been "assessed carefully against national and local policy" and that new parish elections would be arranged within 60 days.',
      ),
      related("sci-dunmarsh-orchid"),
    ],
    people: ["Ruth Penhallow"],
    organisations: ["Dunmarsh Parish Council", "Wendlemoor District Council", "Greyridge Aggregates"],
    places: ["Dunmarsh"],
  },
  {
    id: "pol-broadband-review",
    section: "Politics",
    headline: "Assembly leader orders review of rural broadband contract",
    summary: "Only a third of the promised homes have been connected two years into the £48m Fenwire Networks deal.",
    byline,
    published: "2026-03-08T12:10:00Z",
    blocks: [
      p(
        "The leader of the Wendlemoor Regional Assembly has ordered an independent review of a £48m contract to bring fast broadband to rural homes.",
      ),
      p(
        "Fenwire Networks was due to connect 21,000 properties by the end of last year. Figures published on Monday show 7,300 have been connected.",
      ),
      q(
        "People were promised a connection and they have been waiting on a cable that has not come. I want to know why, and I want to know this week, not next year.",
        "Rosalind Achterberg",
      ),
      p(
        "Assembly leader Rosalind Achterberg said the review would look at whether the company had met the terms of its contract and whether any money could be recovered.",
      ),
      embed(
        "https://social.example/fenwire/status/20260308",
        "Social",
        "Fenwire Networks statement on rural roll-out",
        "<blockquote><p>We know how frustrating delays are. Wayleave disputes and a shortage of engineers slowed us down in 2025. We have doubled our teams and will publish monthly progress from April.</p><p>— Fenwire Networks (@fenwire)</p></blockquote>",
      ),
      p(
        "Fenwire said delays in getting permission from landowners to lay cables had slowed its work, and that it had doubled the number of engineers working in the county.",
      ),
      p(
        'In the village of Hollins Ferry, where most homes are still waiting, publican Declan Morrow said his customers had "given up asking".',
      ),
      p(
        '"I\'ve got a card machine that drops out three times a night. We were told March last year. Then September. Now nobody tells us anything," he said.',
      ),
      related("pol-bus-fares"),
      links(["Fenwire Networks: roll-out map", "https://fenwire.example/coverage"]),
    ],
    people: ["Rosalind Achterberg", "Declan Morrow"],
    organisations: ["Wendlemoor Regional Assembly", "Fenwire Networks"],
    places: ["Hollins Ferry", "Wendlemoor"],
  },
];
