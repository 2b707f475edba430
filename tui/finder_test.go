package tui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"

	"pathways/guides/finder"
)

// finderDriver runs a Finder the way the root would: each message through
// Update, the commands run and their messages fed back. Messages meant for
// the root (opening a guide, leaving) are collected in out. Timers (the
// text input's cursor blink) are dropped.
type finderDriver struct {
	t   *testing.T
	f   Finder
	out []tea.Msg
}

// finderDay is during Operational Bulletin 699, so results are stable.
var finderDay = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

func newFinderDriver(t *testing.T, w, h int) *finderDriver {
	t.Helper()
	ctx := newContext(embedded, "notty", true)
	ctx.Width, ctx.Height = w, h
	d := &finderDriver{t: t, f: newFinder(ctx)}
	d.f.now = func() time.Time { return finderDay }
	d.run(d.f.open())
	return d
}

func (d *finderDriver) send(msg tea.Msg) {
	d.t.Helper()
	f, cmd := d.f.Update(msg)
	d.f = f
	d.run(cmd)
}

func (d *finderDriver) run(cmd tea.Cmd) { runCmd(cmd, d.handle) }

func (d *finderDriver) handle(msg tea.Msg) {
	switch msg.(type) {
	case openGuideMsg, finderDoneMsg:
		d.out = append(d.out, msg)
	default:
		d.send(msg)
	}
}

func (d *finderDriver) keys(names ...string) {
	d.t.Helper()
	for _, n := range names {
		d.send(keyPress(n))
	}
}

func (d *finderDriver) focusedKey() finder.Key {
	return finder.Key(d.f.form.GetFocusedField().GetKey())
}

// answer answers the question on screen: a list entry by its value ("" is
// "not sure / skip"), or text typed into a number field.
func (d *finderDriver) answer(value string) {
	d.t.Helper()
	switch field := d.f.form.GetFocusedField().(type) {
	case *huh.Select[string]:
		for range 20 {
			if v, _ := field.Hovered(); v == value {
				break
			}
			d.keys("down")
			field = d.f.form.GetFocusedField().(*huh.Select[string])
		}
		if v, _ := field.Hovered(); v != value {
			d.t.Fatalf("%s: no option %q", field.GetKey(), value)
		}
	case *huh.Input:
		for range len(field.GetValue().(string)) {
			d.keys("backspace")
		}
		for _, r := range value {
			d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	default:
		d.t.Fatalf("unexpected field %T", field)
	}
	d.keys("enter")
}

type step struct {
	key   finder.Key
	value string
}

// walk answers each question in turn, checking it is the one asked.
func (d *finderDriver) walk(steps []step) {
	d.t.Helper()
	for _, s := range steps {
		if d.f.result != nil {
			d.t.Fatalf("the form ended before %s", s.key)
		}
		if got := d.focusedKey(); got != s.key {
			d.t.Fatalf("asked %s, want %s", got, s.key)
		}
		d.answer(s.value)
	}
}

// graduateSteps: a master's graduate with CLB 6 whose partner works in a
// TEER 1 job; every question is asked.
var graduateSteps = []step{
	{finder.KeyLocation, "in-canada"}, {finder.KeyStatus, "graduate"},
	{finder.KeyStudyCredential, "master"}, {finder.KeyStudyMonths, "16"}, {finder.KeyStudyCompleted, "yes"},
	{finder.KeyJobOffer, ""}, {finder.KeyCanadianMonths, ""}, {finder.KeyForeignMonths, ""},
	{finder.KeyTEER, ""}, {finder.KeyCLB, "6"}, {finder.KeyPRApplication, "none"},
	{finder.KeyPartner, "worker-teer-0-1"}, {finder.KeyPartnerPermitMonths, "20"},
}

const graduateFile = `location: in-canada
status: graduate
study: {credential: master, months: 16, completed: true}
clb: 6
pr_application: none
partner: worker-teer-0-1
partner_permit_months: 20
`

func TestFinderFormToGuideSection(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	d := newFinderDriver(t, 100, 30)
	d.walk(graduateSteps)
	if d.f.result == nil {
		t.Fatal("no result after the last question")
	}
	// The form gives the same answers, and the same result, as the file.
	fromForm, err := d.f.Answers()
	if err != nil {
		t.Fatal(err)
	}
	fromFile, err := finder.ParseAnswers([]byte(graduateFile))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromForm, fromFile) {
		t.Fatalf("form answers %+v\nfile answers %+v", fromForm.Text(), fromFile.Text())
	}
	want := finder.Find(embedded, fromFile, finderDay)
	if got := matchPlaces(d.f.result.Matches); !reflect.DeepEqual(got, matchPlaces(want.Matches)) {
		t.Fatalf("form result %v, file result %v", got, matchPlaces(want.Matches))
	}
	first := []string{"spousal-open-work-permit#spouses-of-foreign-workers",
		"post-graduation-work-permit#language-requirement-applications-on-or-after-november-1-2024"}
	if got := matchPlaces(d.f.result.Matches); len(got) < 2 || got[0] != first[0] || got[1] != first[1] {
		t.Fatalf("matches = %v, want first %v", got, first)
	}

	// enter opens the guide at its section; down then enter the next one.
	d.keys("enter", "down", "enter")
	if len(d.out) != 2 {
		t.Fatalf("messages to the root = %#v", d.out)
	}
	for i, want := range []openGuideMsg{
		{slug: "spousal-open-work-permit", anchor: "spouses-of-foreign-workers"},
		{slug: "post-graduation-work-permit", anchor: "language-requirement-applications-on-or-after-november-1-2024"},
	} {
		if d.out[i] != want {
			t.Errorf("message %d = %#v, want %#v", i, d.out[i], want)
		}
	}

	// esc leaves for where the reader was.
	d.keys("esc")
	if len(d.out) != 3 || d.out[2] != (finderDoneMsg{}) {
		t.Errorf("esc sent %#v", d.out[len(d.out)-1])
	}
}

func matchPlaces(ms []finder.Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Guide.Slug + "#" + m.Anchor
	}
	return out
}

func TestFinderSkipsQuestionsThatDoNotApply(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	d := newFinderDriver(t, 90, 24)
	d.walk([]step{
		{finder.KeyLocation, "outside-canada"}, // no status question
		{finder.KeyStudyCredential, "none"},    // no months, no completed
		{finder.KeyJobOffer, "lmia-exempt"},
		{finder.KeyCanadianMonths, ""}, {finder.KeyForeignMonths, "24"},
		{finder.KeyTEER, "1"}, {finder.KeyCLB, "8"}, {finder.KeyPRApplication, ""},
		{finder.KeyPartner, "none"}, // no partner permit question
	})
	if d.f.result == nil {
		t.Fatal("no result")
	}
	got := matchPlaces(d.f.result.Matches)
	if len(got) == 0 || got[0] != "lmia-exempt-work-permits#the-employer-portal-and-the-230-compliance-fee" {
		t.Errorf("matches = %v", got)
	}
}

func TestFinderRejectsBadNumbers(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	d := newFinderDriver(t, 90, 24)
	d.walk([]step{{finder.KeyLocation, "in-canada"}, {finder.KeyStatus, "student"}, {finder.KeyStudyCredential, "bachelor"}})
	d.answer("4x")
	if d.focusedKey() != finder.KeyStudyMonths {
		t.Fatalf("moved on to %s after a bad number", d.focusedKey())
	}
	if v := ansi.Strip(d.f.View()); !strings.Contains(v, "want a whole number from 0 to 120") {
		t.Errorf("no error shown:\n%s", v)
	}
	d.keys("backspace", "backspace")
	d.answer("7")
	if d.focusedKey() != finder.KeyStudyCompleted {
		t.Errorf("asked %s after a good number", d.focusedKey())
	}
}

func TestFinderEscDuringTheForm(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	d := newFinderDriver(t, 90, 24)
	d.answer("in-canada")
	d.keys("esc")
	if len(d.out) != 1 || d.out[0] != (finderDoneMsg{}) {
		t.Fatalf("esc sent %#v", d.out)
	}
	// Opening again starts from the first question, keeping the answer.
	d.run(d.f.open())
	if d.focusedKey() != finder.KeyLocation {
		t.Fatalf("reopened at %s", d.focusedKey())
	}
	if v, _ := d.f.form.GetFocusedField().(*huh.Select[string]).Hovered(); v != "in-canada" {
		t.Errorf("the earlier answer is not selected: %q", v)
	}
}

func TestFinderEditAnswers(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	d := newFinderDriver(t, 100, 30)
	d.walk(graduateSteps)
	d.keys("e")
	if d.f.result != nil || d.focusedKey() != finder.KeyLocation {
		t.Fatal("e did not go back to the questions")
	}
	if v, _ := d.f.form.GetFocusedField().(*huh.Select[string]).Hovered(); v != "in-canada" {
		t.Errorf("answers were not kept: location %q", v)
	}
	// Change the partner to a TEER 4 job: the spousal permit is ruled out,
	// and the stale permit months are dropped.
	steps := append([]step{}, graduateSteps[:11]...)
	steps = append(steps, step{finder.KeyPartner, "worker-other"})
	d.walk(steps)
	if d.f.result == nil {
		t.Fatal("no result")
	}
	for _, m := range d.f.result.Matches {
		if m.Guide.Slug == "spousal-open-work-permit" {
			t.Errorf("spousal permit still listed for a TEER 4 partner")
		}
	}
	a, _ := d.f.Answers()
	if a.PartnerPermitMonths != nil {
		t.Errorf("stale partner permit months kept: %d", *a.PartnerPermitMonths)
	}
	v := ansi.Strip(d.f.View())
	if !strings.Contains(v, "Ruled out") {
		t.Errorf("no ruled-out section:\n%s", v)
	}
}

func TestFinderViewFitsAndSaysWhatItIs(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	for _, size := range [][2]int{{100, 30}, {60, 16}, {40, 10}} {
		w, h := size[0], size[1]
		d := newFinderDriver(t, w, h)
		check := func(stage string) string {
			t.Helper()
			v := d.f.View()
			lines := strings.Split(v, "\n")
			if len(lines) != h {
				t.Errorf("%dx%d %s: %d lines", w, h, stage, len(lines))
			}
			for i, l := range lines {
				if ansi.StringWidth(l) > w {
					t.Errorf("%dx%d %s: line %d is %d wide: %q", w, h, stage, i, ansi.StringWidth(l), ansi.Strip(l))
				}
			}
			return ansi.Strip(v)
		}
		v := check("form")
		if !strings.Contains(v, "Pathway finder") || !strings.Contains(v, "Where are you now?") {
			t.Errorf("%dx%d form:\n%s", w, h, v)
		}
		d.walk(graduateSteps)
		v = check("result")
		if !strings.Contains(v, "Act now") || !strings.Contains(v, "Spousal open work permits › Spouses of foreign workers") && w >= 60 {
			t.Errorf("%dx%d result:\n%s", w, h, v)
		}
		// Move to the last result: the view stays in bounds, and the whole
		// result carries the note that this is orientation.
		for range len(d.f.entries()) {
			d.keys("j")
			check("scrolled")
		}
		if !strings.Contains(strings.Join(strings.Fields(fullResult(d)), " "), "orientation, not an eligibility decision") {
			t.Errorf("%dx%d: the orientation note is missing", w, h)
		}
	}
}

// fullResult is the whole result text, however tall.
func fullResult(d *finderDriver) string {
	lines, _ := d.f.resultLines()
	return ansi.Strip(strings.Join(lines, "\n"))
}

func TestFinderKeepsTheSelectionInView(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	d := newFinderDriver(t, 70, 14)
	d.walk(graduateSteps)
	n := len(d.f.entries())
	if n < 3 {
		t.Fatalf("only %d results", n)
	}
	for i := range n {
		_, spans := d.f.resultLines()
		s, h := spans[d.f.sel], d.f.bodyHeight()
		if s.from < d.f.offset || (s.to > d.f.offset+h && s.from != d.f.offset) {
			t.Errorf("result %d at lines %d–%d is outside the view from %d (height %d)", i, s.from, s.to, d.f.offset, h)
		}
		d.keys("down")
	}
	d.keys("g")
	if d.f.sel != 0 || d.f.offset != 0 {
		t.Errorf("g: sel %d offset %d", d.f.sel, d.f.offset)
	}
}

func TestFinderHelpMatchesTheStage(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	d := newFinderDriver(t, 100, 30)
	if !d.f.typing() {
		t.Error("the form should take every key")
	}
	if v := ansi.Strip(d.f.View()); !strings.Contains(v, "esc back") {
		t.Errorf("form footer lacks esc:\n%s", v)
	}
	d.walk(graduateSteps)
	if d.f.typing() {
		t.Error("the result should leave q and ? to the app")
	}
	v := ansi.Strip(d.f.View())
	for _, want := range []string{"enter open", "e change answers", "esc back"} {
		if !strings.Contains(v, want) {
			t.Errorf("result footer lacks %q:\n%s", want, v)
		}
	}
	if len(d.f.fullHelp()) == 0 {
		t.Error("no full help")
	}
	// The last result shows what follows it: the note that this is orientation.
	d.keys("G")
	if v := ansi.Strip(d.f.View()); !strings.Contains(v, "eligibility decision: it points") {
		t.Errorf("the note is not in view at the last result:\n%s", v)
	}
}

// TestFinderEscFromEditingReturnsToResults: e then esc is as if e had not
// been pressed: the same results, selection and answers, and the finder
// stays open.
func TestFinderEscFromEditingReturnsToResults(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	d := newFinderDriver(t, 100, 30)
	d.walk(graduateSteps)
	d.keys("down")
	before, sel := fullResult(d), d.f.sel
	wantAnswers, _ := d.f.Answers()
	d.keys("e")
	d.answer("outside-canada") // a changed answer, then esc
	d.keys("esc")
	if len(d.out) != 0 {
		t.Fatalf("esc from editing left the finder: %#v", d.out)
	}
	if d.f.result == nil || fullResult(d) != before || d.f.sel != sel {
		t.Fatalf("esc from editing did not go back to the same results (selection %d, want %d)", d.f.sel, sel)
	}
	if got, _ := d.f.Answers(); fmt.Sprint(got.Text()) != fmt.Sprint(wantAnswers.Text()) {
		t.Errorf("answers after esc: %v, want the ones behind the results: %v", got.Text(), wantAnswers.Text())
	}
	// From the results, esc leaves as before.
	d.keys("esc")
	if len(d.out) != 1 || d.out[0] != (finderDoneMsg{}) {
		t.Errorf("esc on the results sent %#v, want the finder closed", d.out)
	}
}

// TestFinderShowsProgress: above each question, where it is among the
// questions that apply to the answers so far.
func TestFinderShowsProgress(t *testing.T) {
	t.Parallel() // each test waits out the text input's blink timers
	d := newFinderDriver(t, 100, 30)
	v := ansi.Strip(d.f.View())
	if !strings.Contains(v, "Question 1 of ") {
		t.Fatalf("no progress on the first question:\n%s", v)
	}
	d.walk(graduateSteps[:len(graduateSteps)-1])
	// Every question is asked of this graduate, the last once the partner
	// is known to work.
	n := len(graduateSteps)
	if v := ansi.Strip(d.f.View()); !strings.Contains(v, fmt.Sprintf("Question %d of %d", n, n)) {
		t.Errorf("want question %d of %d:\n%s", n, n, v)
	}
}

// TestFinderEmptyResultSaysSo: a result with no guide says so and how to
// change it, and the footer has no 0/0.
func TestFinderEmptyResultSaysSo(t *testing.T) {
	t.Parallel()
	d := newFinderDriver(t, 100, 30)
	d.f.result = &finder.Result{Note: "Orientation only."}
	v := ansi.Strip(d.f.View())
	if !strings.Contains(v, "No guide fits these answers yet; e changes them.") {
		t.Errorf("no placeholder for an empty result:\n%s", v)
	}
	if strings.Contains(v, "0/0") {
		t.Errorf("the footer counts an empty result:\n%s", v)
	}
	d.keys("enter", "j", "enter")
	if len(d.out) != 0 {
		t.Errorf("keys on an empty result sent %#v", d.out)
	}
}
