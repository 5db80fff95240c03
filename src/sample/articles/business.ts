import { h } from "../../blocks/crosshead/sample.ts";
import { links } from "../../blocks/external-links/sample.ts";
import { image } from "../../blocks/image/sample.ts";
import { list } from "../../blocks/list/sample.ts";
import { video } from "../../blocks/media/sample.ts";
import { p } from "../../blocks/paragraph/sample.ts";
import { pull, q } from "../../blocks/quote/sample.ts";
import { related } from "../../blocks/related-stories/sample.ts";
import type { SampleArticle } from "../blocks.ts";

const byline = [{ name: "Marcus Dell", role: "Business correspondent" }];

export const business: SampleArticle[] = [
  {
    id: "bus-halden-pike-jobs",
    section: "Business",
    headline: "Halden & Pike to create 300 jobs at new Tollerby plant",
    summary: "The engineering firm will build parts for offshore wind turbines on the former brickworks site.",
    byline,
    published: "2026-03-19T07:00:00Z",
    blocks: [
      video("Jonas Halden explains why the company chose Tollerby", 71),
      p(
        "Engineering company Halden & Pike is to create 300 jobs at a new factory in Tollerby making parts for offshore wind turbines.",
      ),
      p(
        "The £85m plant will be built on the site of the old Tollerby brickworks, which closed in 2014, and is expected to open in 2028.",
      ),
      p(
        'Chief executive Jonas Halden said the town had been chosen for its rail link to Quillhaven port and its "long memory of making things".',
      ),
      q(
        "We looked at eleven sites. Tollerby had the land, the railway and, above all, people who know how to build heavy things well.",
        "Jonas Halden",
      ),
      h("Apprenticeships promised"),
      p(
        "The company said a third of the jobs would be filled by apprentices trained at Wendlemoor College, which is opening a new welding and fabrication centre.",
      ),
      p(
        'Tollerby\'s mayor, Grace Abiodun, said the announcement was "the best news this town has had in a generation".',
      ),
      related("bus-corran-wind", "spo-tollerby-promotion"),
      links(["Halden & Pike careers", "https://haldenpike.example/careers"]),
    ],
    people: ["Jonas Halden", "Grace Abiodun"],
    organisations: ["Halden & Pike", "Wendlemoor College"],
    places: ["Tollerby", "Quillhaven"],
  },
  {
    id: "bus-port-record",
    section: "Business",
    headline: "Quillhaven port has busiest year as new ferry routes take off",
    summary:
      "Passenger numbers rose by 18% to 1.2 million, and freight volumes passed their pre-2020 peak for the first time.",
    byline,
    published: "2026-03-17T10:30:00Z",
    blocks: [
      image(
        "quillhaven-harbour.svg",
        "Illustration of Quillhaven harbour with a ferry leaving past the old warehouses",
        "Two new ferry routes started sailing from Quillhaven last spring",
        "Illustration: Newsdesk",
      ),
      p(
        "Quillhaven port handled 1.2 million passengers last year, its busiest year since records began, according to figures from the Port of Quillhaven Authority.",
      ),
      p("Two new ferry routes, launched last spring, accounted for most of the 18% increase."),
      p("Harbourmaster Oona Feld said the port was now running close to capacity on summer weekends."),
      pull(
        "On a Saturday in August we had a ship on every berth and a queue at the gate. That's a good problem, but it is a problem.",
        "Oona Feld",
      ),
      h("Key figures"),
      list([
        "Passengers: 1.2 million, up 18%",
        "Freight: 3.4 million tonnes, up 6%",
        "Cruise calls: 41, up from 29",
        "Staff employed directly by the port: 780",
      ]),
      p(
        "The authority is consulting on plans to build a fourth berth, which it says could open by 2030 if funding is agreed.",
      ),
      related("bus-corran-wind", "pol-harbour-housing"),
      links(["Port of Quillhaven Authority annual report", "https://port-quillhaven.example/annual-report"]),
    ],
    people: ["Oona Feld"],
    organisations: ["Port of Quillhaven Authority"],
    places: ["Quillhaven"],
  },
  {
    id: "bus-loxwell-bakery",
    section: "Business",
    headline: "Loxwell Foods to close Wrenhithe bakery with loss of 85 jobs",
    summary: "The company blamed rising energy costs; the union says staff were told with 30 minutes' notice.",
    byline,
    published: "2026-03-13T13:45:00Z",
    blocks: [
      p("Loxwell Foods is to close its bakery in Wrenhithe, putting 85 jobs at risk."),
      p(
        "The company, which makes bread and rolls for supermarkets across the region, said the site's ovens were too expensive to run and would cost £9m to replace.",
      ),
      p("Production will move to the company's larger bakery in the city of Marlstow over the next six months."),
      p(
        "Gareth Nyland, a regional organiser for the Wendlemoor Food Workers' Union, said staff had been called into the canteen and told with half an hour's notice.",
      ),
      q(
        "Some of these people have worked on that line for thirty years. They deserved better than a slideshow and a leaflet.",
        "Gareth Nyland",
      ),
      p(
        'In a statement, Loxwell\'s operations director Carys Whitlow said the decision had been "extremely difficult" and that every employee would be offered a job at Marlstow or an enhanced redundancy payment.',
      ),
      p("The bakery has been part of Wrenhithe since 1952, when it opened as the Wrenhithe Co-operative Bakery."),
      related("sci-solar-coop"),
    ],
    people: ["Gareth Nyland", "Carys Whitlow"],
    organisations: ["Loxwell Foods", "Wendlemoor Food Workers' Union"],
    places: ["Wrenhithe", "Marlstow"],
  },
  {
    id: "bus-high-street",
    section: "Business",
    headline: "Brackenford high street footfall rises for third month running",
    summary:
      "Traders credit a Saturday market and free parking after 3pm, but empty shops remain above the county average.",
    byline,
    published: "2026-03-10T08:20:00Z",
    blocks: [
      p(
        "The number of people visiting Brackenford's high street has risen for the third month in a row, according to counters installed by the town's business improvement district.",
      ),
      p("February's footfall was 11% higher than a year earlier, the biggest rise recorded in any Wendlemoor town."),
      h("What changed"),
      list([
        "A Saturday market with 40 stalls, started in November",
        "Free parking in council car parks after 15:00",
        "Late opening until 20:00 on the first Thursday of every month",
      ]),
      p(
        'Florist Minh Castellanos, who has run a shop on Market Street for 14 years, said Saturdays felt "like they used to".',
      ),
      q(
        "For years I'd look out of the window and count the people going past. Now I don't have time to look.",
        "Minh Castellanos",
      ),
      p("But 17 of the high street's 112 units remain empty, a rate of 15%, above the county average of 11%."),
      p(
        'Brackenford Business Improvement District manager Tom Heatherley said the next challenge was to fill empty shops with "things people can\'t get online".',
      ),
      related("pol-bus-fares", "cul-corn-exchange"),
    ],
    people: ["Minh Castellanos", "Tom Heatherley"],
    organisations: ["Brackenford Business Improvement District"],
    places: ["Brackenford"],
  },
  {
    id: "bus-corran-wind",
    section: "Business",
    headline: "Corran Energy picks Quillhaven for wind farm maintenance base",
    summary: "About 120 technicians will be based at the port to service the Outer Skerrow wind farm.",
    byline,
    published: "2026-03-05T11:00:00Z",
    blocks: [
      p(
        "Corran Energy has chosen Quillhaven as the base for maintaining its Outer Skerrow offshore wind farm, bringing about 120 permanent jobs to the port.",
      ),
      p("The company will build a warehouse, offices and a pontoon for crew transfer vessels on the eastern quay."),
      p(
        "Corran's operations director, Lukas Brennan-Ivory, said Quillhaven had beaten two other ports because of its sheltered harbour and short sailing time to the wind farm.",
      ),
      q(
        "Every hour a technician spends on a boat is an hour they are not fixing a turbine. From Quillhaven it is ninety minutes. From anywhere else it is three hours.",
        "Lukas Brennan-Ivory",
      ),
      p(
        "The base is due to open in spring 2027. Harbourmaster Oona Feld said the port authority would move fishing boats to a refurbished inner basin to make room.",
      ),
      related("bus-halden-pike-jobs", "bus-port-record"),
      links(["Corran Energy: Outer Skerrow project", "https://corran-energy.example/outer-skerrow"]),
    ],
    people: ["Lukas Brennan-Ivory", "Oona Feld"],
    organisations: ["Corran Energy", "Port of Quillhaven Authority"],
    places: ["Quillhaven", "Outer Skerrow"],
  },
];
