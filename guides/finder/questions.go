package finder

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Kind is the type of value a question takes.
type Kind int

// The kinds of question.
const (
	KindChoice Kind = iota // one of Choices
	KindNumber             // a whole number from Min to Max; Choices may label some
	KindYesNo              // true or false
)

// Choice is one allowed value of a question, with its label in the form.
type Choice struct {
	Value string
	Label string
}

// Question is one question of the finder: how it is asked, what it allows,
// and why answering it helps. The same table drives file validation and
// the forms, so both accept exactly the same answers.
type Question struct {
	Key   Key
	Title string
	Help  string
	Kind  Kind
	// Choices are the allowed values of a choice, or labelled values of a
	// number (TEER, CLB) for a pick list.
	Choices  []Choice
	Min, Max int
	// Why says what answering would sharpen, for the result's list.
	Why string
	// show reports whether the question matters given the other answers;
	// nil means always.
	show func(Answers) bool
}

// Shown reports whether the question applies given the other answers (the
// form skips it otherwise, and the result does not ask for it).
func (q Question) Shown(a Answers) bool { return q.show == nil || q.show(a) }

// Allowed lists the allowed values, for messages.
func (q Question) Allowed() string {
	switch q.Kind {
	case KindChoice:
		vals := make([]string, len(q.Choices))
		for i, o := range q.Choices {
			vals[i] = o.Value
		}
		return strings.Join(vals, ", ")
	case KindYesNo:
		return "true or false"
	}
	return fmt.Sprintf("a whole number from %d to %d", q.Min, q.Max)
}

// choices pairs values with labels: value, label, value, label…
func choices(pairs ...string) []Choice {
	out := make([]Choice, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Choice{Value: pairs[i], Label: pairs[i+1]})
	}
	return out
}

// questions is the finder's question table, in the order it asks them.
// Read it through Questions.
var questions = []Question{
	{Key: KeyLocation, Title: "Where are you now?", Kind: KindChoice,
		Choices: choices("in-canada", "In Canada", "outside-canada", "Outside Canada"),
		Why:     "where you are decides which permits you can apply for from where you stand"},
	{Key: KeyStatus, Title: "What is your status in Canada?", Kind: KindChoice,
		Help: "The permit or status you hold today.",
		Choices: choices("student", "Student (study permit)", "graduate", "Graduate of a Canadian program (applying for or holding a PGWP)",
			"worker", "Worker (work permit)", "visitor", "Visitor", "none", "No status"),
		Why:  "your status decides whether bridging and in-Canada options are open to you",
		show: func(a Answers) bool { return a.Location != "outside-canada" }},
	// The PGWP's language level depends on the credential and, for a
	// certificate or diploma, on the school: university-certificate (CLB 7)
	// and college-diploma (CLB 5, a college or other non-university school)
	// say which; certificate, kept for older answer files, leaves the school
	// unknown, and the finder then asks for CLB 7, the level sure to meet it.
	{Key: KeyStudyCredential, Title: "Have you studied in Canada? In which kind of program?", Kind: KindChoice,
		Help: "Your most recent program at a Canadian school, finished or not. A bachelor's, master's or doctoral degree " +
			"counts as a degree at a college too. For a certificate or diploma, say whether the school is a university, " +
			"because the PGWP's language level differs.",
		Choices: choices("bachelor", "Bachelor's degree (at a university or a college)", "master", "Master's degree",
			"doctoral", "Doctoral degree",
			"university-certificate", "University certificate or diploma (not a degree)",
			"college-diploma", "College or other non-university school: diploma or certificate (not a degree)",
			"certificate", "Certificate or diploma, school not given",
			"none", "I have not studied in Canada"),
		Why: "a Canadian program can lead to a post-graduation work permit, and its kind sets the language level (CLB 5 or 7)"},
	{Key: KeyStudyMonths, Title: "How long is (or was) that program, in months?", Kind: KindNumber, Min: 0, Max: 120,
		Help: "The program's length, not the time you have spent in it so far.",
		Why:  "a PGWP needs a program of at least 8 months",
		show: func(a Answers) bool { return studied(a) }},
	{Key: KeyStudyCompleted, Title: "Have you completed that program?", Kind: KindYesNo,
		Why:  "the PGWP's 180 days start when your school confirms you finished",
		show: func(a Answers) bool { return studied(a) }},
	{Key: KeyJobOffer, Title: "Do you have a job offer from a Canadian employer?", Kind: KindChoice,
		Choices: choices("none", "No", "lmia", "Yes, and the employer has (or is getting) an LMIA",
			"lmia-exempt", "Yes, LMIA-exempt (for example CUSMA or an intra-company transfer)", "unsure", "Yes, but I am not sure which kind"),
		Why: "a job offer decides which employer-specific permit route fits"},
	{Key: KeyCanadianMonths, Title: "Months of skilled work in Canada in the last 3 years?", Kind: KindNumber, Min: 0, Max: 36,
		Help: "TEER 0–3 work done while authorized to work. Count full-time months (30 hours a week).",
		Why:  "the Canadian Experience Class needs 12 months (1,560 hours)"},
	{Key: KeyForeignMonths, Title: "Months of skilled work outside Canada?", Kind: KindNumber, Min: 0, Max: 600,
		Help: "TEER 0–3 work abroad, full-time months.",
		Why:  "a year of skilled work abroad can point to the Federal Skilled Worker program"},
	{Key: KeyTEER, Title: "What is the TEER of your job (or the job your experience is in)?", Kind: KindNumber, Min: 0, Max: 5,
		Help:    "Your job's NOC code decides its TEER, 0 to 5. TEER 0 to 3 counts as skilled work for Express Entry.",
		Choices: choices("0", "TEER 0", "1", "TEER 1", "2", "TEER 2", "3", "TEER 3", "4", "TEER 4", "5", "TEER 5"),
		Why:     "the CEC's language minimum depends on the TEER, and TEER 4 and 5 work does not count"},
	{Key: KeyCLB, Title: "Your language level (CLB/NCLC), lowest of the four abilities?", Kind: KindNumber, Min: 0, Max: 12,
		Help: "From an approved test: speaking, listening, reading, writing. \"Not tested yet\" (0) if you have not taken one.",
		Choices: choices("0", "Not tested yet", "1", "CLB 1", "2", "CLB 2", "3", "CLB 3", "4", "CLB 4", "5", "CLB 5", "6", "CLB 6",
			"7", "CLB 7", "8", "CLB 8", "9", "CLB 9", "10", "CLB 10", "11", "CLB 11", "12", "CLB 12"),
		Why: "language minimums decide the PGWP and the CEC (CLB 5 or 7)"},
	{Key: KeyPRApplication, Title: "Where are you with permanent residence?", Kind: KindChoice,
		Choices: choices("none", "Not started", "express-entry-profile", "Express Entry profile in the pool",
			"express-entry-applied", "Applied through Express Entry (after an invitation)",
			"pnp-nominated", "Nominated by a province or territory",
			"pnp-applied", "Applied for PR as a provincial nominee (base or Express Entry stream)"),
		Why: "a PR application can open a bridging open work permit"},
	{Key: KeyPartner, Title: "Your spouse or common-law partner?", Kind: KindChoice,
		Choices: choices("none", "No partner",
			"student-master-16-months-plus", "Studying in Canada: a master's program of 16 months or more",
			"student-doctoral", "Studying in Canada: a doctoral program",
			"student-professional", "Studying in Canada: a listed professional program (for example MD, law, nursing, BEd, engineering)",
			"student-other", "Studying in Canada: another program",
			"worker-teer-0-1", "Working in Canada: a TEER 0 or 1 job",
			"worker-teer-2-3-listed", "Working in Canada: an eligible TEER 2 or 3 job in a listed sector",
			"worker-other", "Working in Canada: another job (for example TEER 4 or 5)",
			"canadian-or-pr", "A Canadian citizen or permanent resident"),
		Why: "a partner's studies or job can qualify you for a spousal open work permit"},
	{Key: KeyPartnerPermitMonths, Title: "Months left on your partner's work permit?", Kind: KindNumber, Min: 0, Max: 120,
		Why:  "a spousal open work permit needs at least 16 months left on the worker's permit",
		show: func(a Answers) bool { return a.Partner == "worker-teer-0-1" || a.Partner == "worker-teer-2-3-listed" }},
}

func studied(a Answers) bool { return a.Study.Credential != "" && a.Study.Credential != "none" }

// Questions returns the finder's questions in the order they are asked.
func Questions() []Question { return slices.Clone(questions) }

// question returns the question for a key.
func question(k Key) (Question, bool) {
	for _, q := range questions {
		if q.Key == k {
			return q, true
		}
	}
	return Question{}, false
}

// ParseText turns a form's text into the raw value ParseAnswers would read
// from a file, checking numbers and yes/no.
func (q Question) ParseText(text string) (any, error) {
	text = strings.TrimSpace(text)
	switch q.Kind {
	case KindNumber:
		n, err := strconv.Atoi(text)
		if err != nil || n < q.Min || n > q.Max {
			return nil, fmt.Errorf("want %s", q.Allowed())
		}
		return n, nil
	case KindYesNo:
		switch strings.ToLower(text) {
		case "yes", "true":
			return true, nil
		case "no", "false":
			return false, nil
		}
		return nil, errors.New("want yes or no")
	}
	return text, nil
}
