import { h } from "../../blocks/crosshead/sample.ts";
import { embed } from "../../blocks/embed/sample.ts";
import { links } from "../../blocks/external-links/sample.ts";
import { image } from "../../blocks/image/sample.ts";
import { list } from "../../blocks/list/sample.ts";
import { audio, video } from "../../blocks/media/sample.ts";
import { p } from "../../blocks/paragraph/sample.ts";
import { pull, q } from "../../blocks/quote/sample.ts";
import { related } from "../../blocks/related-stories/sample.ts";
import type { SampleArticle } from "../blocks.ts";

const byline = [{ name: "Leona Fairweather", role: "Environment correspondent" }];

export const science: SampleArticle[] = [
  {
    id: "sci-river-wendle-floods",
    section: "Science & Environment",
    headline: "River Wendle flood warnings as levels reach 20-year high",
    summary: "Homes in Brackenford and Dunmarsh have been told to prepare, with more rain forecast overnight.",
    byline,
    published: "2026-03-19T16:50:00Z",
    updated: "2026-03-19T19:30:00Z",
    blocks: [
      video("Drone footage shows the Wendle spilling across fields near Dunmarsh", 48),
      p(
        "Flood warnings are in force along the River Wendle after levels at Brackenford bridge rose to their highest point in twenty years.",
      ),
      p(
        "The Wendlemoor Flood Service said homes near the river in Brackenford and Dunmarsh should move valuables upstairs and be ready to leave.",
      ),
      image(
        "river-levels-chart.svg",
        "Line chart showing the River Wendle rising steeply through the winter and crossing the flood warning line in February",
        "River levels at Brackenford bridge since October",
        "Data: Wendlemoor Flood Service",
      ),
      p(
        "Duty manager Femi Hargreaves said a further 30mm of rain was forecast overnight on ground that was already saturated.",
      ),
      q(
        "The river has nowhere left to put the water. If you live in a warning area, please act tonight rather than waiting to see.",
        "Femi Hargreaves",
      ),
      embed(
        "https://social.example/wendlefloods/status/20260319",
        "Social",
        "Wendlemoor Flood Service update",
        "<blockquote><p>FLOOD WARNING: River Wendle at Brackenford and Dunmarsh. Levels still rising. Move cars off riverside streets and check on neighbours.</p><p>— Wendlemoor Flood Service (@wendlefloods)</p></blockquote>",
      ),
      h("Rest centre opened"),
      p(
        "Wendlemoor District Council has opened a rest centre at Brackenford Leisure Centre for anyone who needs to leave home.",
      ),
      list([
        "Sandbags are available at the fire station on Mill Lane",
        "Call the floodline on 0800 000 0000 (fictional)",
        "Do not walk or drive through flood water",
      ]),
      related("pol-brackenford-byelection", "sci-dunmarsh-orchid"),
      links(["Wendlemoor Flood Service: current warnings", "https://floods.wendlemoor.example/warnings"]),
    ],
    people: ["Femi Hargreaves"],
    organisations: ["Wendlemoor Flood Service", "Wendlemoor District Council"],
    places: ["River Wendle", "Brackenford", "Dunmarsh"],
  },
  {
    id: "sci-dunmarsh-orchid",
    section: "Science & Environment",
    headline: "Rare marsh orchid found on Dunmarsh common after 60 years",
    summary:
      "Volunteers counting plants for a wildlife survey spotted a single flowering spike of the fen lady's-slipper.",
    byline,
    published: "2026-03-15T09:00:00Z",
    blocks: [
      p("A rare orchid not seen in Wendlemoor since the 1960s has been found growing on Dunmarsh common."),
      p(
        "Volunteers carrying out a survey for the Wendlemoor Wildlife Trust found a single flowering spike of the fen lady's-slipper in a wet hollow near the village pond.",
      ),
      p(
        'Botanist Dr Ilse Varga, who confirmed the identification, said she had "checked it four times before I let myself believe it".',
      ),
      pull(
        "Seeds can lie in the ground for decades waiting for the right conditions. Something about the last few wet winters has woken this one up.",
        "Ilse Varga",
      ),
      p("The exact location is being kept secret to protect the plant from collectors."),
      p(
        "The discovery comes weeks after the village's parish council resigned over the expansion of a nearby quarry. Campaigners said the find showed the common's importance for wildlife.",
      ),
      q(
        "We've always said this land is special. Now we have a very small, very beautiful piece of evidence.",
        "Ruth Penhallow",
      ),
      related("pol-dunmarsh-parish", "sci-river-wendle-floods"),
      links(["Wendlemoor Wildlife Trust", "https://wildlife.wendlemoor.example/"]),
    ],
    people: ["Ilse Varga", "Ruth Penhallow"],
    organisations: ["Wendlemoor Wildlife Trust"],
    places: ["Dunmarsh"],
  },
  {
    id: "sci-microplastics-sensor",
    section: "Science & Environment",
    headline: "University of Quillhaven team builds cheap sensor for microplastics in tap water",
    summary:
      "The device, which costs about £40 to make, gives a result in ten minutes instead of a week in a laboratory.",
    byline,
    published: "2026-03-12T14:00:00Z",
    blocks: [
      p(
        "Researchers at the University of Quillhaven have built a sensor that can detect microplastics in tap water in about ten minutes.",
      ),
      p(
        "The device shines a laser through a water sample and uses a phone camera to count the particles that scatter the light.",
      ),
      p(
        "Professor Kwame Addo-Lindqvist, who led the work, said the sensor cost about £40 to make, compared with laboratory equipment costing tens of thousands of pounds.",
      ),
      q(
        "Right now, testing water for microplastics means sending a sample away and waiting a week. We want a school or a water company engineer to be able to do it at the kitchen sink.",
        "Kwame Addo-Lindqvist",
      ),
      h("How it works", 2),
      list(
        [
          "A 50ml water sample is pushed through a clear cartridge",
          "A low-power laser lights the sample from the side",
          "A phone camera records the flashes from particles as they pass",
          "Software counts the particles and estimates their size",
        ],
        true,
      ),
      p(
        "The team tested the sensor on water from 120 homes across the county. It found particles in every sample, mostly fragments smaller than a grain of sand.",
      ),
      p("Wendle Water said it welcomed the research and would take part in a larger trial later this year."),
      links(["University of Quillhaven: School of Physics", "https://physics.quillhaven-uni.example/"]),
    ],
    people: ["Kwame Addo-Lindqvist"],
    organisations: ["University of Quillhaven", "Wendle Water"],
    places: ["Quillhaven"],
  },
  {
    id: "sci-solar-coop",
    section: "Science & Environment",
    headline: "Wrenhithe solar co-operative switches on panels across 40 roofs",
    summary: "Residents raised £310,000 in shares to put panels on schools, the library and the bowling club.",
    byline,
    published: "2026-03-09T10:15:00Z",
    blocks: [
      p(
        "A community energy group in Wrenhithe has switched on solar panels across 40 roofs in the town, paid for by shares bought by residents.",
      ),
      p("Wrenhithe Community Energy raised £310,000 from 460 members, most of whom live in the town."),
      p(
        "The panels, on buildings including two primary schools, the library and the bowling club pavilion, are expected to generate enough electricity each year for about 90 homes.",
      ),
      pull(
        "We didn't wait for someone to do it for us. We knocked on doors, we sold shares at the school gate and we did it ourselves.",
        "Bea Tolland",
      ),
      p(
        "The co-operative's chair, Bea Tolland, said profits would go into a fund to help families struggling with energy bills.",
      ),
      p(
        "The headteacher of Wrenhithe Primary, Samuel Ekwueme, said pupils had tracked the panels' output in maths lessons.",
      ),
      q("The children check the display every morning. On a sunny day there's a cheer.", "Samuel Ekwueme"),
      related("bus-loxwell-bakery"),
    ],
    people: ["Bea Tolland", "Samuel Ekwueme"],
    organisations: ["Wrenhithe Community Energy", "Wrenhithe Primary School"],
    places: ["Wrenhithe"],
  },
  {
    id: "sci-seal-pups",
    section: "Science & Environment",
    headline: "Record number of seal pups counted in Quillhaven estuary",
    summary:
      "Rangers counted 214 grey seal pups this winter, up from 160 last year, and ask walkers to keep dogs on leads.",
    byline,
    published: "2026-03-06T08:45:00Z",
    blocks: [
      audio("Listen: ranger Tamsin Oyelaran describes the colony at dawn", "/static/audio/estuary-tone.wav", 2),
      p(
        "A record 214 grey seal pups were born in the Quillhaven estuary this winter, according to rangers who count the colony each year.",
      ),
      p("The total is up from 160 last year and is the highest since counts began in 1998."),
      p(
        "Ranger Tamsin Oyelaran said calmer autumn weather meant fewer pups were washed off the sandbanks in their first weeks.",
      ),
      q(
        "A pup needs about three weeks on the beach without being disturbed. This year most of them got it.",
        "Tamsin Oyelaran",
      ),
      h("Advice for visitors"),
      list([
        "Stay at least 50 metres from seals",
        "Keep dogs on a lead on the estuary paths",
        "Never try to return a pup to the water",
      ]),
      related("bus-port-record"),
      links(["Quillhaven Estuary Rangers", "https://estuary-rangers.example/"]),
    ],
    people: ["Tamsin Oyelaran"],
    organisations: ["Quillhaven Estuary Rangers"],
    places: ["Quillhaven"],
  },
];
