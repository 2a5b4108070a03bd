// A realistic map of `n` touchpoints in 20 stages and 20 personas (about 1 KB per
// touchpoint, as tests/support/large_map.h makes them), built in JavaScript so the
// browser tests and benchmarks need no native build.
export function largeMap(n, id = "map-large") {
  const channels = ["search", "web", "email", "webinar", "demo", "proposal", "contract", "in-app", "chat", "phone"];
  const teams = ["Marketing", "Sales", "Service", "Success", "Product"];
  const words = ["Demo", "Webinar", "Contrato", "Proposta", "决策", "Onboarding", "Renewal", "Ticket", "Precio", "集成"];
  const personas = Array.from({ length: 20 }, (_, p) => ({
    id: `persona-${p}`, name: `Persona ${p}`, kind: p % 3 === 2 ? "user" : "buyer", role: "champion", color: "#0072B2",
  }));
  const stages = Array.from({ length: 20 }, (_, s) => ({ id: `stage-${s}`, name: `Stage ${s}`, owner: teams[s % 5], touchpoints: [] }));
  for (let t = 0; t < n; t++) {
    stages[t % 20].touchpoints.push({
      id: `tp-${t}`, title: `${words[t % 10]} ${t}`,
      description: "Generated touchpoint with some descriptive text, acentuação y 中文, long enough to look real.",
      doing: "Compares the proposal with two others", thinking: "Will this fit our security review?",
      channel: channels[t % 10], owner: teams[t % 5], backstage: "CRM stage update, legal review queue",
      persona_ids: [`persona-${t % 20}`, `persona-${(t * 7) % 20}`].filter((v, i, a) => a.indexOf(v) === i),
      friction: t % 6, emotion: (t % 5) - 2,
      pains: ["Slow answers from legal", "Price is not clear"], opportunities: ["Publish the security pack"],
      volume: 10 + (t * 37) % 5000,
      survey: { nps: [0, 1, 0, 2, 0, 3, 1, 4, 2, 1, 1], csat: [1, 2, 3, 4, 5], ces: [1, 0, 2, 3, 1, 0, 4], ces_scale: 7 },
    });
  }
  return JSON.stringify({ format: "journeymap", version: 1, id, title: `Large map ${n}`, stages, personas });
}
