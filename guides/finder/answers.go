package finder

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"

	"pathways/guides"
)

// Key names one answer, as written in an answers file ("study.months" is
// the months key inside study).
type Key string

// The answer keys. Answer files use these names, so they must not change.
const (
	KeyLocation            Key = "location"
	KeyStatus              Key = "status"
	KeyStudyCredential     Key = "study.credential"
	KeyStudyMonths         Key = "study.months"
	KeyStudyCompleted      Key = "study.completed"
	KeyJobOffer            Key = "job_offer"
	KeyCanadianMonths      Key = "canadian_skilled_months"
	KeyForeignMonths       Key = "foreign_skilled_months"
	KeyTEER                Key = "teer"
	KeyCLB                 Key = "clb"
	KeyPRApplication       Key = "pr_application"
	KeyPartner             Key = "partner"
	KeyPartnerPermitMonths Key = "partner_permit_months"
)

// Answers is what the reader told the finder. An empty string or a nil
// pointer means the question was not answered.
type Answers struct {
	Location string // in-canada, outside-canada
	Status   string // student, graduate, worker, visitor, none (in Canada)
	Study    Study
	JobOffer string // none, lmia, lmia-exempt, unsure
	// CanadianMonths is TEER 0–3 work in Canada while authorized, in the
	// last three years; ForeignMonths is skilled work outside Canada.
	CanadianMonths *int
	ForeignMonths  *int
	TEER           *int // 0–5
	CLB            *int // lowest of the four abilities; 0 if untested
	PRApplication  string
	Partner        string
	// PartnerPermitMonths is the time left on a working partner's permit.
	PartnerPermitMonths *int
}

// Study is the reader's program in Canada, if any.
type Study struct {
	Credential string // bachelor, master, doctoral, university-certificate, college-diploma, certificate, none
	Months     *int
	Completed  *bool
}

// AnswerProblem is one thing wrong in an answers file.
type AnswerProblem struct {
	Key string // the key as written, "" for the file as a whole
	Msg string
}

func (p AnswerProblem) String() string {
	if p.Key == "" {
		return p.Msg
	}
	return p.Key + ": " + p.Msg
}

// AnswersError lists every problem found in answers, one per line.
type AnswersError struct{ Problems []AnswerProblem }

func (e *AnswersError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// ParseAnswers reads answers from YAML or JSON (JSON is YAML). Unknown keys
// and values are errors naming the key and what it allows; a missing key,
// or null, means the question was not answered. Every problem is reported,
// in an *AnswersError.
func ParseAnswers(data []byte) (Answers, error) {
	var a Answers
	if len(bytes.TrimSpace(data)) == 0 {
		return a, nil
	}
	if p := guides.YAMLTooBig(data, "the answers file"); p != nil {
		msg := p.Msg
		if p.Line > 0 {
			msg = fmt.Sprintf("line %d: %s", p.Line, msg)
		}
		return a, &AnswersError{[]AnswerProblem{{Msg: msg}}}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var raw any
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return a, &AnswersError{[]AnswerProblem{{Msg: "not valid YAML or JSON: " + guides.Shorten(guides.SanitizeLine(yaml.FormatError(err, false, false)), 200)}}}
	}
	var extra any
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return a, &AnswersError{[]AnswerProblem{{Msg: "more than one YAML document; put every answer in one"}}}
	}
	if raw == nil {
		return a, nil
	}
	top, ok := raw.(map[string]any)
	if !ok {
		return a, &AnswersError{[]AnswerProblem{{Msg: fmt.Sprintf("want a mapping of answers (key: value), not %s", describeValue(raw))}}}
	}
	probs := unknownKeys("", top, topKeys())
	var study map[string]any
	if v := top["study"]; v != nil {
		m, ok := v.(map[string]any)
		if ok {
			study = m
			probs = append(probs, unknownKeys("study.", m, studyKeys())...)
		} else {
			probs = append(probs, AnswerProblem{Key: "study",
				Msg: fmt.Sprintf("want a mapping with the keys %s, not %s", strings.Join(studyKeys(), ", "), describeValue(v))})
		}
	}
	for _, q := range questions {
		var v any
		if child, nested := strings.CutPrefix(string(q.Key), "study."); nested {
			v = study[child]
		} else {
			v = top[string(q.Key)]
		}
		if v == nil {
			continue
		}
		if err := set(&a, q, v); err != nil {
			probs = append(probs, AnswerProblem{Key: string(q.Key), Msg: err.Error()})
		}
	}
	if len(probs) > 0 {
		return a, &AnswersError{probs}
	}
	return a, nil
}

// topKeys are the keys allowed at the top of a file; study holds its own.
func topKeys() []string {
	var out []string
	for _, q := range questions {
		k, _, _ := strings.Cut(string(q.Key), ".")
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// studyKeys are the keys allowed inside study.
func studyKeys() []string {
	var out []string
	for _, q := range questions {
		if k, ok := strings.CutPrefix(string(q.Key), "study."); ok {
			out = append(out, k)
		}
	}
	return out
}

// unknownKeys reports keys of m that are not allowed, sorted, each with the
// allowed keys and the closest one.
func unknownKeys(prefix string, m map[string]any, allowed []string) []AnswerProblem {
	var bad []string
	for k := range m {
		if !slices.Contains(allowed, k) {
			bad = append(bad, k)
		}
	}
	slices.Sort(bad)
	var out []AnswerProblem
	for _, k := range bad {
		msg := "unknown key; allowed keys: " + strings.Join(allowed, ", ")
		if near := closest(k, allowed); near != "" {
			msg = fmt.Sprintf("unknown key (did you mean %q?); allowed keys: %s", near, strings.Join(allowed, ", "))
		}
		out = append(out, AnswerProblem{Key: prefix + guides.Shorten(guides.SanitizeLine(k), 40), Msg: msg})
	}
	return out
}

func closest(s string, candidates []string) string {
	best, bestD := "", max(2, len(s)/3)+1
	for _, c := range candidates {
		if d := guides.EditDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// set checks one raw value against its question and stores it.
func set(a *Answers, q Question, v any) error {
	switch q.Kind {
	case KindChoice:
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("want one of: %s; got %s", q.Allowed(), describeValue(v))
		}
		if !slices.ContainsFunc(q.Choices, func(c Choice) bool { return c.Value == s }) {
			return fmt.Errorf("unknown value %s; allowed values: %s", describeValue(s), q.Allowed())
		}
		store(a, q.Key, s)
	case KindYesNo:
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("want true or false; got %s", describeValue(v))
		}
		a.Study.Completed = &b
	case KindNumber:
		n, ok := wholeNumber(v)
		if !ok || n < q.Min || n > q.Max {
			return fmt.Errorf("want %s; got %s", q.Allowed(), describeValue(v))
		}
		store(a, q.Key, n)
	}
	return nil
}

func wholeNumber(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), n >= math.MinInt32 && n <= math.MaxInt32
	case uint64:
		return int(n), n <= math.MaxInt32
	case float64:
		if n == math.Trunc(n) && math.Abs(n) <= math.MaxInt32 {
			return int(n), true
		}
	}
	return 0, false
}

func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(guides.Shorten(guides.SanitizeLine(x), 40))
	case bool:
		return strconv.FormatBool(x)
	case int, int64, uint64:
		return fmt.Sprint(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return "an unsupported value"
}

// store puts a validated value in its field.
func store(a *Answers, k Key, v any) {
	s, _ := v.(string)
	n, isInt := v.(int)
	p := func() *int {
		if !isInt {
			return nil
		}
		return &n
	}
	switch k {
	case KeyLocation:
		a.Location = s
	case KeyStatus:
		a.Status = s
	case KeyStudyCredential:
		a.Study.Credential = s
	case KeyStudyMonths:
		a.Study.Months = p()
	case KeyJobOffer:
		a.JobOffer = s
	case KeyCanadianMonths:
		a.CanadianMonths = p()
	case KeyForeignMonths:
		a.ForeignMonths = p()
	case KeyTEER:
		a.TEER = p()
	case KeyCLB:
		a.CLB = p()
	case KeyPRApplication:
		a.PRApplication = s
	case KeyPartner:
		a.Partner = s
	case KeyPartnerPermitMonths:
		a.PartnerPermitMonths = p()
	}
}

// AnswersFromText builds answers from a form's text values ("" means not
// answered), checking each exactly as ParseAnswers does. Numbers are
// decimal, yes/no questions take "yes" or "no". It returns the answers it
// could read along with any error.
func AnswersFromText(values map[Key]string) (Answers, error) {
	var a Answers
	var probs []AnswerProblem
	for k := range values {
		if _, ok := question(k); !ok {
			probs = append(probs, AnswerProblem{Key: string(k), Msg: "unknown key"})
		}
	}
	for _, q := range questions {
		text := strings.TrimSpace(values[q.Key])
		if text == "" {
			continue
		}
		v, err := q.ParseText(text)
		if err == nil {
			err = set(&a, q, v)
		}
		if err != nil {
			probs = append(probs, AnswerProblem{Key: string(q.Key), Msg: err.Error()})
		}
	}
	if len(probs) > 0 {
		slices.SortStableFunc(probs, func(x, y AnswerProblem) int { return strings.Compare(x.Key, y.Key) })
		return a, &AnswersError{probs}
	}
	return a, nil
}

// Text returns the answers as a form's text values; unanswered keys are
// left out.
func (a Answers) Text() map[Key]string {
	out := map[Key]string{}
	put := func(k Key, s string) {
		if s != "" {
			out[k] = s
		}
	}
	num := func(k Key, n *int) {
		if n != nil {
			out[k] = strconv.Itoa(*n)
		}
	}
	put(KeyLocation, a.Location)
	put(KeyStatus, a.Status)
	put(KeyStudyCredential, a.Study.Credential)
	num(KeyStudyMonths, a.Study.Months)
	if a.Study.Completed != nil {
		out[KeyStudyCompleted] = map[bool]string{true: "yes", false: "no"}[*a.Study.Completed]
	}
	put(KeyJobOffer, a.JobOffer)
	num(KeyCanadianMonths, a.CanadianMonths)
	num(KeyForeignMonths, a.ForeignMonths)
	num(KeyTEER, a.TEER)
	num(KeyCLB, a.CLB)
	put(KeyPRApplication, a.PRApplication)
	put(KeyPartner, a.Partner)
	num(KeyPartnerPermitMonths, a.PartnerPermitMonths)
	return out
}

// Answered reports whether the question under k was answered.
func (a Answers) Answered(k Key) bool {
	_, ok := a.Text()[k]
	return ok
}
