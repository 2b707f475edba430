package finder

import (
	"slices"
	"time"

	"pathways/guides"
)

// finderRules is the finder's rule table, written once. Each rule points
// to a guide section and gives a one-sentence reason that carries the dated
// fact it rests on (Fact names the fact-sheet entry). Within a tier, table
// order is priority: deadlines first. Read it through FinderRules.
var finderRules = []Rule{
	// Act now.
	{ID: "bowp-pnp-ob699", Tier: TierNow, Label: TemporaryMeasure, Until: day(2027, 1, 1),
		Slug: "bridging-open-work-permit", Anchor: "temporary-measure-for-pnp-applicants-june-9-to-december-31-2026",
		When: func(a Answers) bool {
			return a.inCanada() && a.PRApplication == "pnp-applied" && a.canBridge()
		},
		Reason:  "Under a temporary measure, IRCC's Operational Bulletin 699, you can apply from inside Canada for a bridging open work permit as a provincial nominee who has applied for permanent residence (base or Express Entry) before your acknowledgement of receipt arrives, if your nomination has no employment restriction, until December 31, 2026 (the measure may end earlier), so apply now.",
		Changes: "Once the measure ends you need your acknowledgement of receipt again; a nomination with an employment restriction calls for an employer-specific T13 permit instead, which the measure also covers.",
		Fact:    "3.18: Operational Bulletin 699, June 9 to December 31, 2026, may end earlier (law firms quoting the bulletin); audit m8"},
	{ID: "pgwp-apply-degree", Tier: TierNow,
		Slug: "post-graduation-work-permit", Anchor: "the-180-day-deadline",
		When: func(a Answers) bool {
			return a.pgwpReady() && a.degree() && atLeast(a.CLB, a.pgwpCLB())
		},
		Reason:  "You completed a degree program of at least 8 months and your result meets CLB 7, the minimum for bachelor's, master's and doctoral graduates at any school, colleges included, since March 11, 2025, and degree programs need no eligible field of study, so apply within 180 days of the confirmation that you finished.",
		Changes: "More than 180 days since your school confirmed you finished, a school or program that is not PGWP-eligible, or a test result more than 2 years old.",
		Fact:    "3.1, 3.2: 8 months, 180 days; 3.5, 3.6 (corrected 2026-12-01): CLB 7 and no field-of-study rule for degree programs at any school since March 11, 2025"},
	{ID: "pgwp-apply-non-degree-clb7", Tier: TierNow,
		Slug: "post-graduation-work-permit", Anchor: "field-of-study-requirement",
		When: func(a Answers) bool {
			return a.pgwpReady() && a.isOne(a.Study.Credential, "university-certificate", "certificate") &&
				atLeast(a.CLB, a.pgwpCLB())
		},
		Reason:  "You completed a non-degree program of at least 8 months and your result meets CLB 7, the minimum after a university certificate or diploma since November 1, 2024 (a college program needs CLB 5), but if you applied for your study permit on or after November 1, 2024 your program must be on the field-of-study list, so check it before you apply within 180 days.",
		Changes: "A program missing from the field-of-study list (when the rule applies to you), more than 180 days since you finished, or a school or program that is not PGWP-eligible.",
		Fact:    "3.5, 3.6 (corrected 2026-12-01): CLB 7 and an eligible field for non-degree university programs, November 1, 2024"},
	{ID: "pgwp-apply-college", Tier: TierNow,
		Slug: "post-graduation-work-permit", Anchor: "field-of-study-requirement",
		When: func(a Answers) bool {
			return a.pgwpReady() && a.Study.Credential == "college-diploma" && atLeast(a.CLB, a.pgwpCLB())
		},
		Reason:  "You completed a non-degree program of at least 8 months at a college or other non-university school and meet its CLB 5 minimum (since November 1, 2024), but if you applied for your study permit on or after November 1, 2024 your program must be on the field-of-study list, so check it before you apply within 180 days.",
		Changes: "A program missing from the field-of-study list (when the rule applies to you), more than 180 days since you finished, or a school or program that is not PGWP-eligible.",
		Fact:    "3.5, 3.6 (corrected 2026-12-01): CLB 5 and an eligible field for non-degree programs at colleges and other non-university schools, November 1, 2024"},
	{ID: "bowp-apply", Tier: TierNow,
		Slug: "bridging-open-work-permit", Anchor: "who-qualifies",
		When: func(a Answers) bool {
			return a.inCanada() && a.isOne(a.PRApplication, "express-entry-applied", "pnp-applied") && a.canBridge()
		},
		Reason:  "You have applied for permanent residence from inside Canada, so once your application has passed the completeness check (your acknowledgement of receipt) you may qualify for a bridging open work permit, however long your current permit has left (the old four-month rule went with IRCC's September 16, 2021 rewrite of its instructions), if you hold a valid work permit, are on maintained status or can restore your worker status.",
		Changes: "A provincial nomination with an employment restriction calls for an employer-specific T13 permit instead, and a permit that lapses leaves you relying on restoring your status within 90 days.",
		Fact:    "3.14: qualifying programs; 3.15, 3.16 (corrected 2026-12-01): no four-month test since the September 16, 2021 instructions; status rules as the BOWP guide dates them (July 11, 2022); audit M3"},
	{ID: "spouse-of-student", Tier: TierNow,
		Slug: "spousal-open-work-permit", Anchor: "spouses-of-international-students",
		When: func(a Answers) bool {
			return a.isOne(a.Partner, "student-master-16-months-plus", "student-doctoral", "student-professional")
		},
		Reason:  "Your partner's program still qualifies you for a spousal open work permit: since March 19, 2024 only a master's, a doctoral program or a listed professional program does, and since January 21, 2025 a master's must last at least 16 months.",
		Changes: "A master's shorter than 16 months, or a professional program missing from IRCC's list, does not qualify.",
		Fact:    "3.9 (corrected 2026-12-01): programs limited March 19, 2024; 16-month master's since January 21, 2025 (announced January 14, 2025); audit M1"},
	{ID: "spouse-of-worker", Tier: TierNow,
		Slug: "spousal-open-work-permit", Anchor: "spouses-of-foreign-workers",
		When: func(a Answers) bool {
			return a.isOne(a.Partner, "worker-teer-0-1", "worker-teer-2-3-listed") && !below(a.PartnerPermitMonths, 16)
		},
		Reason:  "Your partner's job (TEER 0 or 1, or an eligible TEER 2 or 3 job in a listed sector) still qualifies you for a spousal open work permit under the rules in force since January 21, 2025, as long as their permit has at least 16 months left when you apply.",
		Changes: "Less than 16 months left on your partner's permit, or a TEER 2 or 3 occupation missing from IRCC's list, rules it out.",
		Fact:    "3.10: spouses of workers, TEER 0–1 or listed TEER 2–3, 16 months left, January 21, 2025"},
	{ID: "spouse-pr-family", Tier: TierNow,
		Slug: "spousal-open-work-permit", Anchor: "who-is-not-affected",
		When: func(a Answers) bool {
			return a.isOne(a.PRApplication, "express-entry-applied", "pnp-applied") &&
				a.Partner != "" && !a.isOne(a.Partner, "none", "canadian-or-pr")
		},
		Reason:  "Whichever of you is the principal applicant, the other may qualify for an open work permit as a family member, because families of people moving to permanent residence are not affected by the January 21, 2025 limits.",
		Changes: "The exception covers the families of principal applicants only, so check IRCC's conditions for family members of PR applicants before you apply.",
		Fact:    "3.12: families of PR applicants not affected by the January 21, 2025 limits"},
	{ID: "change-employer", Tier: TierNow,
		Slug: "employer-specific-work-permit", Anchor: "changing-employers",
		When: func(a Answers) bool {
			return a.inCanada() && a.Status == "worker" && a.isOne(a.JobOffer, "lmia", "lmia-exempt")
		},
		Reason:  "If your current permit is employer-specific, you need a new work permit for the new job, backed by the new employer's LMIA (valid for 6 months since May 1, 2024) or an LMIA exemption, and since May 27, 2025 you can ask IRCC, once you have applied, for permission to start before the permit is approved.",
		Changes: "An open work permit lets you change employers without a new permit; on an employer-specific permit, start the new job only once IRCC authorizes you or approves the new permit.",
		Fact:    "1.1: employer-specific permits; 2.10: LMIA valid 6 months since May 1, 2024; 7.14: permission to start early since May 27, 2025"},
	{ID: "lmia-permit", Tier: TierNow,
		Slug: "lmia-work-permit-canada", Anchor: "the-workers-work-permit-application",
		When: func(a Answers) bool {
			return a.JobOffer == "lmia" && !(a.inCanada() && a.Status == "worker")
		},
		Reason:  "Once your employer has a positive LMIA, you apply to IRCC for an employer-specific work permit within the LMIA's validity, which has been 6 months since May 1, 2024.",
		Changes: "An LMIA more than 6 months old has expired and the employer needs a new one; since September 26, 2024 a low-wage LMIA allows at most 1 year of employment.",
		Fact:    "2.10: LMIA validity 6 months, May 1, 2024; 2.8: low-wage 1 year, September 26, 2024"},
	{ID: "lmia-exempt-permit", Tier: TierNow,
		Slug: "lmia-exempt-work-permits", Anchor: "the-employer-portal-and-the-230-compliance-fee",
		When: func(a Answers) bool {
			return a.JobOffer == "lmia-exempt" && !(a.inCanada() && a.Status == "worker")
		},
		Reason:  "For most LMIA-exempt jobs the employer first submits the offer in IRCC's Employer Portal and pays the $230 employer compliance fee, required since February 21, 2015, then you apply with the offer of employment number.",
		Changes: "If no exemption fits both the job and you, the employer needs an LMIA instead.",
		Fact:    "1.3: Employer Portal and $230 fee since February 21, 2015 (IRPR s. 303.1)"},
	{ID: "pnp-nominated", Tier: TierNow,
		Slug: "crs-comprehensive-ranking-system", Anchor: "the-600-points-for-a-provincial-nomination",
		When:    func(a Answers) bool { return a.PRApplication == "pnp-nominated" },
		Reason:  "An enhanced nomination, made through an Express Entry-linked stream, adds 600 CRS points and usually leads to an invitation (the provincial nominee draw of February 16, 2026 cut off at 789), while a base nomination gives no CRS points and leads to a separate PNP application.",
		Changes: "Which kind you hold decides the route: enhanced goes through Express Entry, base through the slower regular PNP processing.",
		Fact:    "5.5: 600 points; 6.1, 6.2: base and enhanced nominations; PNP draw of February 16, 2026 at 789 (secondary, in express-entry-strategy)"},
	{ID: "cec-eligible", Tier: TierNow,
		Slug: "canadian-experience-class", Anchor: "how-the-cec-runs-through-express-entry",
		When: func(a Answers) bool {
			return a.cecExperience() && a.prNotStarted() && a.cecLanguageMet()
		},
		Reason:  "You have the 12 months (1,560 hours) of TEER 0–3 work in Canada and the language level (CLB 7 for TEER 0 or 1, CLB 5 for TEER 2 or 3) that IRCC's CEC page asked for in August 2026, so you can create an Express Entry profile.",
		Changes: "Work done while a full-time student or self-employed does not count, the 12 months must fall within the 3 years before you apply, and you must plan to live outside Quebec.",
		Fact:    "4.1, 4.2, 4.6: IRCC CEC page as checked about August 2026"},
	{ID: "ee-in-pool", Tier: TierNow,
		Slug: "express-entry-strategy", Anchor: "realistic-ways-to-improve-your-profile",
		When:    func(a Answers) bool { return a.PRApplication == "express-entry-profile" },
		Reason:  "Your profile stays in the pool for 12 months, and since job offers stopped earning CRS points on March 25, 2025, better language results, French and a provincial nomination are the levers that usually move your rank.",
		Changes: "An invitation gives you 60 days to submit a complete application; a provincial nomination adds 600 points.",
		Fact:    "5.3: job-offer points removed March 25, 2025; 5.6: 60-day ITA deadline; 5.7: 12-month profile"},

	// Next steps: one thing stands between the reader and acting.
	{ID: "pgwp-language-degree", Tier: TierNext,
		Slug: "post-graduation-work-permit", Anchor: "language-requirement-applications-on-or-after-november-1-2024",
		When: func(a Answers) bool {
			return a.pgwpReady() && a.degree() && !atLeast(a.CLB, a.pgwpCLB())
		},
		Reason:  "You completed a degree program of at least 8 months, but PGWP applications need a test result under 2 years old of CLB 7 in all four skills after any bachelor's, master's or doctoral program, at a university or a college (since March 11, 2025), and your answers do not show that level yet.",
		Changes: "A result of CLB 7 in all four skills lets you apply within 180 days of the confirmation that you finished; the PGWP is once in a lifetime, so do not apply with a lower result.",
		Fact:    "3.5 (corrected 2026-12-01): CLB 7 for degree programs at any school since March 11, 2025, at universities since November 1, 2024; audit C1"},
	{ID: "pgwp-language-university", Tier: TierNext,
		Slug: "post-graduation-work-permit", Anchor: "language-requirement-applications-on-or-after-november-1-2024",
		When: func(a Answers) bool {
			return a.pgwpReady() && a.Study.Credential == "university-certificate" && !atLeast(a.CLB, a.pgwpCLB())
		},
		Reason:  "You completed a university program that does not lead to a degree, and since November 1, 2024 its graduates need a test result under 2 years old of CLB 7 in all four skills, the level of degree graduates and not the CLB 5 of college programs, which your answers do not show yet.",
		Changes: "A result of CLB 7 in all four skills lets you apply within 180 days of the confirmation that you finished; your program must also be on the field-of-study list if you applied for your study permit on or after November 1, 2024.",
		Fact:    "3.5, 3.6 (corrected 2026-12-01): CLB 7 and an eligible field for non-degree university programs, November 1, 2024; audit C1"},
	{ID: "pgwp-language-college", Tier: TierNext,
		Slug: "post-graduation-work-permit", Anchor: "language-requirement-applications-on-or-after-november-1-2024",
		When: func(a Answers) bool {
			return a.pgwpReady() && a.Study.Credential == "college-diploma" && !atLeast(a.CLB, a.pgwpCLB())
		},
		Reason:  "You completed a non-degree program of at least 8 months at a college or other non-university school, and since November 1, 2024 PGWP applications need a test result under 2 years old of CLB 5 in all four skills, which your answers do not show yet.",
		Changes: "A result of CLB 5 in all four skills lets you apply within 180 days of the confirmation that you finished; your program must also be on the field-of-study list if you applied for your study permit on or after November 1, 2024.",
		Fact:    "3.5 (corrected 2026-12-01): CLB 5 for non-degree programs at colleges and other non-university schools, November 1, 2024"},
	{ID: "pgwp-language-school-unknown", Tier: TierNext,
		Slug: "post-graduation-work-permit", Anchor: "language-requirement-applications-on-or-after-november-1-2024",
		When: func(a Answers) bool {
			return a.pgwpReady() && a.Study.Credential == "certificate" && !atLeast(a.CLB, a.pgwpCLB())
		},
		Reason:  "The language level for your certificate or diploma depends on the school, because since November 1, 2024 a university program that is not a degree needs CLB 7 in all four skills and one at a college or other non-university school needs CLB 5, and your answers show neither the school nor CLB 7.",
		Changes: "Saying whether the school is a university or a college tells which level applies; either way, the program must be on the field-of-study list if you applied for your study permit on or after November 1, 2024.",
		Fact:    "3.5 (corrected 2026-12-01): CLB 7 for non-degree university programs, CLB 5 at colleges, November 1, 2024; audit C1"},
	{ID: "cec-language", Tier: TierNext,
		Slug: "canadian-experience-class", Anchor: "language",
		When: func(a Answers) bool {
			return a.cecExperience() && a.prNotStarted() && !a.cecLanguageMet()
		},
		Reason:  "You have the 12 months of skilled work in Canada the CEC needs, but your answers do not yet show the language level IRCC's CEC page set in August 2026: CLB 7 in all four abilities for TEER 0 or 1 work, CLB 5 for TEER 2 or 3.",
		Changes: "A test result at the minimum for your TEER makes you eligible to enter the Express Entry pool.",
		Fact:    "4.6: CEC language, IRCC page as checked about August 2026"},
	{ID: "cec-build-months", Tier: TierNext,
		Slug: "canadian-experience-class", Anchor: "skilled-work-experience",
		When: func(a Answers) bool {
			return between(a.CanadianMonths, 1, 11) && a.Status != "student"
		},
		Reason:  "The CEC needs at least 12 months (1,560 hours) of TEER 0–3 work in Canada within the 3 years before you apply, as IRCC's page read in August 2026, and you have fewer so far.",
		Changes: "Reaching 1,560 hours: part-time hours add up, but hours above 30 a week do not count.",
		Fact:    "4.2: 1,560 hours in 3 years, IRCC CEC page as checked about August 2026"},
	{ID: "fsw-abroad", Tier: TierNext,
		Slug: "canadian-experience-class", Anchor: "cec-compared-with-fsw-and-fst",
		When:    func(a Answers) bool { return a.fswExperience() },
		Reason:  "Your skilled work abroad may fit the Federal Skilled Worker program, which IRCC's pages in August 2026 set at 1 year of continuous skilled work within 10 years, CLB 7, 67 of 100 selection points and proof of funds.",
		Changes: "A year that was not continuous, a language result below CLB 7 or fewer than 67 points rules it out; foreign education needs an ECA to count.",
		Fact:    "4.8: FSW minimums, IRCC pages as checked about August 2026"},
	{ID: "spouse-canadian", Tier: TierNext,
		Slug: "spousal-open-work-permit", Anchor: "spouses-of-canadian-citizens-and-permanent-residents",
		When:    func(a Answers) bool { return a.Partner == "canadian-or-pr" },
		Reason:  "Your partner is a Canadian citizen or permanent resident, so your route is spousal sponsorship for permanent residence, and under a public policy announced on May 26, 2023 you can get an open work permit once that application is accepted for processing, if you live with your sponsor in Canada and have valid temporary resident status.",
		Changes: "Living apart from your sponsor or without valid status (or a pending restoration) rules out that open work permit; the spousal permits for partners of students and workers, narrowed on January 21, 2025, are not your route.",
		Fact:    "spousal-open-work-permit, Spouses of Canadian citizens and permanent residents: public policy of May 26, 2023 (bartlaw.ca; IRCC announcement of May 26, 2023); not in the fact sheet"},
	{ID: "job-unsure", Tier: TierNext,
		Slug: "job-offer-canada-immigration", Anchor: "what-a-job-offer-does",
		When:    func(a Answers) bool { return a.JobOffer == "unsure" },
		Reason:  "A job offer on its own does not let you work in Canada: the employer must first get an LMIA (a $1,000 fee per position, paid by the employer, in force since June 20, 2014) or use an LMIA exemption, so ask which route it is using.",
		Changes: "An employer or recruiter who asks you to pay for the job or the LMIA is a warning sign of fraud.",
		Fact:    "2.2: LMIA fee $1,000 since June 20, 2014 (regulation)"},

	// For the plan: worth reading now, acted on later.
	{ID: "pgwp-plan", Tier: TierPlan,
		Slug: "post-graduation-work-permit", Anchor: "who-can-get-a-pgwp",
		When: func(a Answers) bool {
			return studied(a) && atLeast(a.Study.Months, 8) && a.Study.Completed != nil && !*a.Study.Completed
		},
		Reason:  "Your program is at least 8 months long, the PGWP minimum, so after you finish you will have 180 days to apply, with a test result of CLB 7 after a degree program at any school or a university certificate or diploma, or CLB 5 after a non-degree program at a college or other non-university school, the levels in force since March 11, 2025.",
		Changes: "A school or program that is not PGWP-eligible rules it out, and a certificate or diploma, at a college or a university, must also be on the field-of-study list if you applied for your study permit on or after November 1, 2024.",
		Fact:    "3.1, 3.2: 8 months, 180 days; 3.5, 3.6 (corrected 2026-12-01): language levels since March 11, 2025, field of study for non-degree programs"},
	{ID: "cec-student-work", Tier: TierPlan,
		Slug: "canadian-experience-class", Anchor: "what-counts-as-experience-and-what-does-not",
		When:    func(a Answers) bool { return a.Status == "student" && atLeast(a.CanadianMonths, 1) },
		Reason:  "Work done while you were a full-time student, co-op terms included, does not count toward the CEC, as IRCC's page read in August 2026, so your skilled months start counting after your studies.",
		Changes: "Skilled TEER 0–3 work after you finish, for example on a PGWP, counts toward the 12 months.",
		Fact:    "4.4: student work excluded, IRCC CEC page as checked about August 2026"},
	{ID: "crs-score", Tier: TierPlan,
		Slug: "crs-comprehensive-ranking-system", Anchor: "worked-examples",
		When: func(a Answers) bool {
			return (a.cecExperience() || a.fswExperience()) && a.prNotStarted()
		},
		Reason:  "Meeting a program's minimums only puts you in the Express Entry pool, because invitations go by CRS score: the Canadian Experience Class draws of January to February 2026 cut off at 508 to 511, while a single graduate with CLB 9 and one year of Canadian work scores about 425, so add up your own score before you count on an invitation.",
		Changes: "A provincial nomination adds 600 points; better language results, French and more experience add fewer, but they add up.",
		Fact:    "7.15: CEC cut-offs 511, 509, 508 (January 7, January 21, February 17, 2026; secondary); 5.2: CRS out of 1,200; CRS guide, worked example 1 (425)"},
	{ID: "ee-strategy", Tier: TierPlan,
		Slug: "express-entry-strategy", Anchor: "realistic-ways-to-improve-your-profile",
		When: func(a Answers) bool {
			return (a.cecExperience() || a.fswExperience()) && a.prNotStarted()
		},
		Reason:  "Since job offers stopped earning CRS points on March 25, 2025, the realistic ways to raise your rank are a better language result, French, more experience, a category that matches 12 months of your work, or a provincial nomination.",
		Changes: "A category draw or a provincial stream that fits your occupation can invite you below the general cut-off.",
		Fact:    "5.3: job-offer points removed March 25, 2025; 5.13, 5.14: 2026 categories and the 12-month rule, February 18, 2026"},
	{ID: "status-while-deciding", Tier: TierPlan,
		Slug: "temporary-to-permanent-residence", Anchor: "where-your-status-can-lapse",
		When: func(a Answers) bool {
			return a.inCanada() && a.isOne(a.PRApplication, "express-entry-applied", "pnp-applied")
		},
		Reason:  "Keep your permit valid while IRCC decides, because since December 23, 2024 most people can no longer get a new permit by leaving and re-entering at the border (flagpoling).",
		Changes: "If your permit will run out first, a bridging open work permit or an extension applied for before it expires keeps you working.",
		Fact:    "1.9: flagpoling ended December 23, 2024 (Government of Canada release)"},
	{ID: "graduate-timeline", Tier: TierPlan,
		Slug: "temporary-to-permanent-residence", Anchor: "a-realistic-timeline",
		When: func(a Answers) bool {
			return a.inCanada() && a.isOne(a.Status, "graduate", "worker") && !atLeast(a.CanadianMonths, 12) &&
				a.prNotStarted() && !a.lowTEER()
		},
		Reason:  "From your first day of skilled work the best case to a PR decision is about 20 months (12 months of work, an invitation, 60 days to apply, about 6 months of processing), but your CRS score decides when the invitation comes, and the Canadian Experience Class draws of January to February 2026 cut off at 508 to 511, so check that your permit lasts and plan a second route.",
		Changes: "A provincial nomination or an Express Entry category can bring an invitation sooner; a 1-year PGWP ends about when you reach 1,560 hours.",
		Fact:    "5.6: 60-day ITA deadline; 5.8: 6-month standard; 7.15: 2026 CEC cut-offs 508 to 511 (secondary)"},
	{ID: "job-offer-points", Tier: TierPlan, Label: NotConfirmed,
		Slug: "job-offer-canada-immigration", Anchor: "what-a-job-offer-no-longer-does",
		When: func(a Answers) bool {
			return a.isOne(a.JobOffer, "lmia", "lmia-exempt") &&
				(a.PRApplication == "express-entry-profile" || atLeast(a.CanadianMonths, 12) || atLeast(a.ForeignMonths, 12))
		},
		Reason:  "A job offer has given no CRS points since March 25, 2025, and a high-wage-occupation factor said to start on November 3, 2026 is not confirmed by IRCC, so do not count on job-offer points until IRCC's CRS criteria page shows them.",
		Changes: "IRCC publishing the factor on its CRS criteria page would make a job offer or Canadian work in a listed occupation worth points again; an offer still counts toward eligibility, such as 10 of the 100 Federal Skilled Worker selection points.",
		Fact:    "5.3: job-offer points removed March 25, 2025; 5.4, 7.1: high-wage factor for November 3, 2026, two unofficial sources only"},
	{ID: "pnp-base-teer45", Tier: TierPlan,
		Slug: "provincial-nominee-programs", Anchor: "base-and-enhanced-nominations",
		When:    func(a Answers) bool { return a.lowTEER() && a.prNotStarted() },
		Reason:  "TEER 4 and 5 work does not count as skilled work for Express Entry, but a base provincial nomination can suit people who meet no Express Entry program, and the 2026–2028 levels plan of November 4, 2025 set the 2026 target for provincial nominees at 91,500.",
		Changes: "A TEER 0–3 job opens the Express Entry programs; each provincial stream sets its own requirements.",
		Fact:    "6.1: base nominations; 6.4: 2026 PNP target 91,500, levels plan of November 4, 2025 (audit a3: confirmed)"},
	{ID: "abroad-no-offer", Tier: TierPlan,
		Slug: "work-permit-canada-pathways", Anchor: "moving-to-canada-with-a-job-offer",
		When:    func(a Answers) bool { return a.Location == "outside-canada" && a.JobOffer == "none" },
		Reason:  "From abroad, a job offer is usually the way in: the employer gets an LMIA (valid for 6 months since May 1, 2024) or uses an LMIA exemption, and you apply for an employer-specific permit.",
		Changes: "A job offer, a partner whose studies or job qualify you, or a year of skilled work abroad for the Federal Skilled Worker program.",
		Fact:    "2.10: LMIA validity 6 months since May 1, 2024; 1.1: employer-specific permits"},

	// Ruled out: what the reader might expect, and why not.
	{ID: "pgwp-too-short", Tier: TierRuledOut,
		Slug: "post-graduation-work-permit", Anchor: "who-can-get-a-pgwp",
		When:    func(a Answers) bool { return studied(a) && below(a.Study.Months, 8) },
		Reason:  "A PGWP needs a program of at least 8 months, as IRCC's pages read in August 2026, and yours is shorter (a Quebec program counts in hours instead: 900 at least).",
		Changes: "Another eligible program of at least 8 months at a PGWP-eligible school.",
		Fact:    "3.1: 8 months, IRCC eligibility page as checked about August 2026"},
	{ID: "spouse-student-other", Tier: TierRuledOut,
		Slug: "spousal-open-work-permit", Anchor: "spouses-of-international-students",
		When:    func(a Answers) bool { return a.Partner == "student-other" },
		Reason:  "Since March 19, 2024, a partner's studies qualify you for a spousal open work permit only if they are in a master's program (of at least 16 months since January 21, 2025), a doctoral program or a listed professional program.",
		Changes: "Your partner moving to a qualifying program; otherwise you need your own basis to work, such as your own study or work permit.",
		Fact:    "3.9 (corrected 2026-12-01): programs limited March 19, 2024; 16-month master's since January 21, 2025; audit M1"},
	{ID: "spouse-worker-other", Tier: TierRuledOut,
		Slug: "spousal-open-work-permit", Anchor: "spouses-of-foreign-workers",
		When:    func(a Answers) bool { return a.Partner == "worker-other" },
		Reason:  "Since January 21, 2025, spouses of workers in TEER 4 or 5 jobs, or in TEER 2 or 3 jobs outside the listed sectors, no longer qualify for a spousal open work permit.",
		Changes: "Your partner moving to a TEER 0 or 1 job, or an eligible TEER 2 or 3 job, with at least 16 months left on their permit.",
		Fact:    "3.10: spouses of TEER 4 and 5 workers excluded, January 21, 2025"},
	{ID: "spouse-worker-short-permit", Tier: TierRuledOut,
		Slug: "spousal-open-work-permit", Anchor: "spouses-of-foreign-workers",
		When: func(a Answers) bool {
			return a.isOne(a.Partner, "worker-teer-0-1", "worker-teer-2-3-listed") && below(a.PartnerPermitMonths, 16)
		},
		Reason:  "Since January 21, 2025, your partner's work permit must have at least 16 months left when you apply for a spousal open work permit, and theirs has less.",
		Changes: "A longer permit for your partner, with 16 months or more left when you apply.",
		Fact:    "3.10: 16 months left on the worker's permit, January 21, 2025"},
	{ID: "cec-low-teer", Tier: TierRuledOut,
		Slug: "canadian-experience-class", Anchor: "what-counts-as-experience-and-what-does-not",
		When:    func(a Answers) bool { return a.lowTEER() && !atLeast(a.CanadianMonths, 12) },
		Reason:  "Work in TEER 4 or 5 jobs does not count toward the CEC, which needs TEER 0, 1, 2 or 3 work, as IRCC's page read in August 2026.",
		Changes: "12 months (1,560 hours) in a TEER 0–3 job in Canada.",
		Fact:    "4.1: TEER 0–3 only, IRCC CEC page as checked about August 2026"},

	// When nothing else applies.
	{ID: "overview", Tier: TierPlan, Fallback: true,
		Slug: guides.OverviewSlug, Anchor: "why-a-work-permit-can-get-you-to-permanent-residence",
		When:    func(Answers) bool { return true },
		Reason:  "Start with the overview: skilled work in Canada can make you eligible for the Canadian Experience Class and raise your score, and the Express Entry categories announced on February 18, 2026 include several for people with Canadian work experience.",
		Changes: "Answering more questions lets the finder point to the guides for your situation.",
		Fact:    "5.13: 2026 categories announced February 18, 2026"},
}

// FinderRules returns the finder's rules in priority order.
func Rules() []Rule { return slices.Clone(finderRules) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Helpers the rules read answers through; an unanswered number is neither
// at least nor below anything.

func atLeast(n *int, min int) bool                    { return n != nil && *n >= min }
func below(n *int, limit int) bool                    { return n != nil && *n < limit }
func between(n *int, lo, hi int) bool                 { return n != nil && *n >= lo && *n <= hi }
func (a Answers) inCanada() bool                      { return a.Location == "in-canada" }
func (a Answers) prNotStarted() bool                  { return a.PRApplication == "" || a.PRApplication == "none" }
func (a Answers) lowTEER() bool                       { return atLeast(a.TEER, 4) }
func (a Answers) isOne(v string, vals ...string) bool { return slices.Contains(vals, v) }

// canBridge: a BOWP needs worker status (a PGWP counts); unanswered status
// is given the benefit of the doubt, and the reason states the condition.
func (a Answers) canBridge() bool { return a.isOne(a.Status, "worker", "graduate", "") }

// degree reports a bachelor's, master's or doctoral program, at any school:
// since March 11, 2025 a college's degree counts as a university's does.
func (a Answers) degree() bool {
	return a.isOne(a.Study.Credential, "bachelor", "master", "doctoral")
}

// pgwpReady: a completed program of at least 8 months, for someone not
// already working on a permit (who has most likely had their PGWP).
func (a Answers) pgwpReady() bool {
	return studied(a) && atLeast(a.Study.Months, 8) && a.Study.Completed != nil && *a.Study.Completed &&
		a.Status != "worker"
}

// pgwpCLB is the PGWP language minimum for applications since November 1,
// 2024: CLB 5 only for a non-degree program at a college or other
// non-university school; CLB 7 for a degree program at any school (since
// March 11, 2025) and for a university program that is not a degree. With
// the school of a certificate unknown, only CLB 7 is sure to meet it.
func (a Answers) pgwpCLB() int {
	if a.Study.Credential == "college-diploma" {
		return 5
	}
	return 7
}

// cecExperience: the CEC's 12 months of skilled work in Canada, not as a
// student (whose work does not count).
func (a Answers) cecExperience() bool { return atLeast(a.CanadianMonths, 12) && a.Status != "student" }

// fswExperience: a year of skilled work abroad, before any PR application.
func (a Answers) fswExperience() bool { return atLeast(a.ForeignMonths, 12) && a.prNotStarted() }

// cecLanguageMet: CLB 7 for TEER 0 or 1, CLB 5 for TEER 2 or 3; with the
// TEER unknown only CLB 7 is sure to meet it.
func (a Answers) cecLanguageMet() bool {
	if between(a.TEER, 2, 3) {
		return atLeast(a.CLB, 5)
	}
	return atLeast(a.CLB, 7)
}
