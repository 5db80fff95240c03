import { h } from "../../blocks/crosshead/sample.ts";
import { links } from "../../blocks/external-links/sample.ts";
import { list } from "../../blocks/list/sample.ts";
import { video } from "../../blocks/media/sample.ts";
import { p } from "../../blocks/paragraph/sample.ts";
import { pull, q } from "../../blocks/quote/sample.ts";
import { related } from "../../blocks/related-stories/sample.ts";
import type { SampleArticle } from "../blocks.ts";

const byline = [{ name: "Nadia Quist", role: "Health reporter" }];

export const health: SampleArticle[] = [
  {
    id: "hea-urgent-care",
    section: "Health",
    headline: "Quillhaven General opens overnight urgent care centre",
    summary:
      "The centre will treat minor injuries and illnesses between 20:00 and 08:00 to ease pressure on the emergency department.",
    byline,
    published: "2026-03-18T07:30:00Z",
    blocks: [
      p(
        "An overnight urgent care centre has opened at Quillhaven General Hospital in an effort to cut waiting times in its emergency department.",
      ),
      p(
        "The centre, staffed by GPs and nurse practitioners, will see patients with minor injuries and illnesses between 20:00 and 08:00.",
      ),
      p(
        "Dr Samuel Okonjo-Reyes, chief executive of Wendlemoor Hospitals Trust, said about a third of people arriving at the emergency department overnight could be treated more quickly elsewhere.",
      ),
      q(
        "Someone with a sprained wrist at two in the morning should not be waiting six hours behind people having heart attacks. Now they won't have to.",
        "Samuel Okonjo-Reyes",
      ),
      h("What the centre treats"),
      list([
        "Sprains and suspected broken bones",
        "Minor burns and cuts",
        "Fevers and chest infections",
        "Eye problems",
      ]),
      p("Patients can walk in or be referred by the 111 service."),
      related("hea-ambulance-delays", "hea-gp-waits"),
      links(["Wendlemoor Hospitals Trust", "https://hospitals.wendlemoor.example/"]),
    ],
    people: ["Samuel Okonjo-Reyes"],
    organisations: ["Wendlemoor Hospitals Trust", "Quillhaven General Hospital"],
    places: ["Quillhaven"],
  },
  {
    id: "hea-gp-waits",
    section: "Health",
    headline: "GP waits fall after Brackenford same-day appointment pilot",
    summary: "Average waits for a routine appointment dropped from 16 days to six after practices pooled their staff.",
    byline,
    published: "2026-03-15T12:00:00Z",
    blocks: [
      p(
        "Waiting times for GP appointments in Brackenford have fallen sharply after the town's three practices began sharing staff and a single phone line.",
      ),
      p(
        "The average wait for a routine appointment fell from 16 days to six during the six-month pilot, according to figures from Wendlemoor Primary Care.",
      ),
      p("Practice manager Lorna Quigley said patients no longer had to ring at 08:00 and hope."),
      pull(
        "The eight o'clock scramble is gone. If you ring at eleven, you are treated the same as if you rang at eight.",
        "Lorna Quigley",
      ),
      p(
        "Patients can now book online, by phone or at any of the three surgeries, and are seen by whichever doctor, nurse or pharmacist is free first.",
      ),
      p(
        "Some patients said they missed seeing the same doctor. Retired teacher Alan Brightmore, 78, said: \"It's quicker, but I've seen four different faces this year.\"",
      ),
      p("The scheme will be extended to Tollerby and Wrenhithe in the autumn."),
      related("hea-urgent-care"),
    ],
    people: ["Lorna Quigley", "Alan Brightmore"],
    organisations: ["Wendlemoor Primary Care"],
    places: ["Brackenford", "Tollerby", "Wrenhithe"],
  },
  {
    id: "hea-ambulance-delays",
    section: "Health",
    headline: "Ambulance handover delays 'unacceptable', says patients' watchdog",
    summary: "Crews waited more than an hour outside Quillhaven General on 412 occasions in February.",
    byline,
    published: "2026-03-12T17:40:00Z",
    blocks: [
      video("Paramedic Jo Almeida describes a twelve-hour shift spent mostly in a hospital car park", 126),
      p(
        "Ambulance crews waited more than an hour to hand patients over at Quillhaven General Hospital on 412 occasions last month, a patients' watchdog has found.",
      ),
      p(
        'The Wendlemoor Patients\' Council said the delays were "unacceptable and unsafe" because they left fewer ambulances available to answer emergency calls.',
      ),
      q(
        "Every hour an ambulance spends queuing outside a hospital is an hour it is not reaching someone who has collapsed at home.",
        "Winifred Achebe-Lund",
      ),
      p("The council's chair, Winifred Achebe-Lund, called for the hospital trust to publish daily handover times."),
      p(
        "Wendlemoor Hospitals Trust said the new overnight urgent care centre would free space in the emergency department and that handover times had improved in the first half of March.",
      ),
      related("hea-urgent-care"),
    ],
    people: ["Winifred Achebe-Lund", "Jo Almeida"],
    organisations: ["Wendlemoor Patients' Council", "Wendlemoor Hospitals Trust", "Quillhaven General Hospital"],
    places: ["Quillhaven"],
  },
  {
    id: "hea-free-swimming",
    section: "Health",
    headline: "Free swimming for children linked to rise in activity, study finds",
    summary: "Children in Tollerby swam twice as often after the town made public sessions free for under-16s.",
    byline,
    published: "2026-03-08T09:00:00Z",
    blocks: [
      p(
        "Making swimming free for children in Tollerby doubled the number of sessions they attended, according to a study by the University of Quillhaven.",
      ),
      p(
        "Researchers compared attendance at Tollerby Baths with a similar pool in a neighbouring town that kept its charges.",
      ),
      p("The biggest increase was among children from low-income families, whose visits rose almost threefold."),
      pull(
        "Price turned out to be the barrier, not interest. When you take it away, children come.",
        "Hana Rasmussen-Obi",
      ),
      p(
        "Lead researcher Dr Hana Rasmussen-Obi said the findings should be considered by councils weighing up cuts to leisure budgets.",
      ),
      p("The scheme costs Tollerby Town Council about £38,000 a year."),
      related("pol-brackenford-byelection"),
    ],
    people: ["Hana Rasmussen-Obi"],
    organisations: ["University of Quillhaven", "Tollerby Town Council"],
    places: ["Tollerby"],
  },
  {
    id: "hea-dementia-cafe",
    section: "Health",
    headline: "Dementia café opens in Tollerby library",
    summary:
      "The weekly drop-in offers music, memory games and advice for people living with dementia and their carers.",
    byline,
    published: "2026-03-04T14:20:00Z",
    blocks: [
      p("A café for people living with dementia and their families has opened in Tollerby library."),
      p(
        "The weekly drop-in, run by volunteers with support from the charity Memory Lane Wendlemoor, offers music, reminiscence games and advice from a nurse.",
      ),
      p(
        "Volunteer Beryl Ashworth, whose husband was diagnosed with dementia four years ago, said the café filled a gap she had felt herself.",
      ),
      q(
        "When Frank was diagnosed, we went to the doctor's and then we came home and nobody knocked on the door. This is the door I wish somebody had knocked on.",
        "Beryl Ashworth",
      ),
      p("The café runs on Wednesdays from 10:00 to 12:00 and is free."),
      links(["Memory Lane Wendlemoor", "https://memorylane-wendlemoor.example/"]),
    ],
    people: ["Beryl Ashworth"],
    organisations: ["Memory Lane Wendlemoor", "Tollerby Library"],
    places: ["Tollerby"],
  },
];
