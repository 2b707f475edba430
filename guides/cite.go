package guides

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Citations, labelled boxes and the style lint: the parts of the guide
// format that say where a fact comes from and how sure it is.
//
// A fact is cited with a GFM footnote reference, [^id], whose id names a
// source in the front matter; pathways numbers the citations in order of
// first use and lists the sources after the body. What is not law in force
// sits in one of three labelled boxes, GFM alerts under their own heading:
//
//	## Temporary measure for PNP applicants
//
//	> [!IMPORTANT]
//	> **Temporary measure**, until December 31, 2026 (checked December 4, 2026).
//	> … Official page: [IRCC: …](https://www.canada.ca/…).

// SourceKinds are the values a source's kind may take.
var SourceKinds = []string{"official", "secondary"}

// Box labels and the GFM alert type each is written with.
var boxLabels = map[string]string{
	"IMPORTANT": "Temporary measure",
	"NOTE":      "Proposed",
	"CAUTION":   "Not confirmed",
}

// citeRef is one [^id] in a body: the id and the marker's byte extent.
type citeRef struct {
	ID         string
	Start, End int
}

// citeRefs finds the citation markers in a markdown body, outside fenced
// code and code spans. A footnote definition ("[^id]: …" at the start of a
// line) is not a citation; defs holds the offsets of those.
func citeRefs(body string) (refs []citeRef, defs []int) {
	eachLine(body, func(line string, start, end int, fenced bool) {
		// Fenced code and indented code blocks hold no citations.
		if !fenced && len(line)-len(strings.TrimLeft(line, " ")) < 4 {
			refs, defs = lineCiteRefs(body, start, end, refs, defs)
		}
	})
	return refs, defs
}

// eachLine calls f for every line of a markdown body, with its byte
// extent and whether it is fenced code (a fence line included); an
// unclosed fence runs to the end. The checks in this file and the budget
// in links.go read bodies line by line this way.
func eachLine(body string, f func(line string, start, end int, fenced bool)) {
	fence := ""
	for off := 0; off < len(body); {
		end := strings.IndexByte(body[off:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += off
		}
		line := body[off:end]
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			f(line, off, end, true)
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			f(line, off, end, true)
		default:
			f(line, off, end, false)
		}
		off = end + 1
	}
}

func lineCiteRefs(body string, start, end int, refs []citeRef, defs []int) ([]citeRef, []int) {
	for i := start; i < end; i++ {
		switch body[i] {
		case '`':
			// Skip a code span: a run of backticks to the same run.
			n := 1
			for i+n < end && body[i+n] == '`' {
				n++
			}
			close := strings.Index(body[i+n:end], body[i:i+n])
			if close < 0 {
				i += n - 1
				continue
			}
			i += n + close + n - 1
		case '\\':
			i++
		case '[':
			if i+2 >= end || body[i+1] != '^' {
				continue
			}
			j := i + 2
			for j < end && isIDByte(body[j]) {
				j++
			}
			if j == i+2 || j >= end || body[j] != ']' {
				continue
			}
			if j+1 < end && body[j+1] == ':' && strings.TrimSpace(body[start:i]) == "" {
				defs = append(defs, i)
				return refs, defs
			}
			refs = append(refs, citeRef{ID: body[i+2 : j], Start: i, End: j + 1})
			i = j
		}
	}
	return refs, defs
}

func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// stripCitations removes [^id] markers from plain text (search snippets,
// word counts).
func stripCitations(s string) string {
	if !strings.Contains(s, "[^") {
		return s
	}
	refs, _ := lineCiteRefs(s, 0, len(s), nil, nil)
	if len(refs) == 0 {
		return s
	}
	var b strings.Builder
	prev := 0
	for _, r := range refs {
		b.WriteString(s[prev:r.Start])
		prev = r.End
	}
	b.WriteString(s[prev:])
	return b.String()
}

// CitationOrder returns g's cited sources in order of first citation: the
// n-th is cited as [n]. Sources nothing cites follow, in front-matter order.
func CitationOrder(g *Guide) []Source {
	refs, _ := citeRefs(g.Body)
	var out []Source
	seen := map[string]bool{}
	for _, r := range refs {
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		if i := slices.IndexFunc(g.Sources, func(s Source) bool { return s.ID == r.ID }); i >= 0 {
			out = append(out, g.Sources[i])
		}
	}
	for _, s := range g.Sources {
		if s.ID == "" || !seen[s.ID] {
			out = append(out, s)
		}
	}
	return out
}

// citationProblems checks g's citations against its sources, its labelled
// boxes and its style.
func citationProblems(g *Guide) []Problem {
	var probs []Problem
	lines := newLineIndex([]byte(g.source), g.BodyLine)
	report := func(line int, format string, args ...any) {
		probs = append(probs, Problem{File: g.File, Line: line, Msg: fmt.Sprintf(format, args...)})
	}

	refs, defs := citeRefs(g.source)
	for _, d := range defs {
		report(lines.line(d), "footnote definitions are not used: list the source under sources: in the front matter, with an id, and cite it as [^id]")
	}
	byID := map[string]Source{}
	for i, s := range g.Sources {
		name := s.ID
		switch {
		case s.ID == "":
			report(s.Line, "source %d has no id, so nothing can cite it (add id: and cite it as [^id])", i+1)
			name = fmt.Sprintf("%d", i+1)
		case !validID(s.ID):
			report(s.Line, "source %q: id must be letters, digits, hyphens and underscores", s.ID)
		default:
			if _, dup := byID[s.ID]; dup {
				report(s.Line, "source %q is listed twice", s.ID)
			}
			byID[s.ID] = s
		}
		switch {
		case s.Kind == "":
			report(s.Line, "source %s has no kind (official or secondary)", name)
		case !slices.Contains(SourceKinds, s.Kind):
			report(s.Line, "source %s: kind %q must be official or secondary", name, s.Kind)
		}
		if s.Publisher == "" {
			report(s.Line, "source %s has no publisher", name)
		}
		switch {
		case s.Checked == "":
			report(s.Line, "source %s has no checked date (checked: YYYY-MM-DD, the day the page was read)", name)
		case !isDate(s.Checked):
			report(s.Line, "source %s: checked %q is not a date in the form YYYY-MM-DD", name, s.Checked)
		}
		if s.Published != "" && !isDate(s.Published) {
			report(s.Line, "source %s: published %q is not a date in the form YYYY-MM-DD", name, s.Published)
		}
	}
	cited := map[string]bool{}
	for _, r := range refs {
		cited[r.ID] = true
		if _, ok := byID[r.ID]; !ok {
			report(lines.line(r.Start), "citation [^%s] has no source: add one with id: %s under sources:", r.ID, r.ID)
		}
	}
	for _, s := range g.Sources {
		if s.ID != "" && !cited[s.ID] {
			report(s.Line, "source %q is not cited: cite it as [^%s] or remove it", s.ID, s.ID)
		}
	}

	probs = append(probs, boxProblems(g, lines)...)
	probs = append(probs, styleProblems(g, lines)...)
	return probs
}

func validID(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isIDByte(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// boxProblems checks the GFM alerts in g: only the three labels, each
// under its own heading, dated, with its official page.
func boxProblems(g *Guide, lines lineIndex) []Problem {
	var probs []Problem
	for _, box := range findBoxes(g.source) {
		line := lines.line(box.Offset)
		report := func(format string, args ...any) {
			probs = append(probs, Problem{File: g.File, Line: line, Msg: fmt.Sprintf(format, args...)})
		}
		label, ok := boxLabels[box.Type]
		if !ok {
			report("box [!%s]: use [!IMPORTANT] for a Temporary measure, [!NOTE] for Proposed or [!CAUTION] for Not confirmed", box.Type)
			continue
		}
		if !strings.HasPrefix(box.First, "**"+label+"**") {
			report("a [!%s] box starts with **%s**", box.Type, label)
		}
		if !box.UnderHeading {
			report("box %q must sit directly under its own heading, so other guides can link to it", label)
		}
		if d, ok := datePhrase(box.Text, "(checked "); !ok {
			report("box %q must say when it was checked: (checked Month D, YYYY)", label)
		} else if d.After(g.Reviewed) && !g.Reviewed.IsZero() {
			report("box %q was checked after the guide's reviewed date", label)
		}
		if label == "Temporary measure" {
			if _, ok := datePhrase(box.First, "until "); !ok {
				report("box %q must give its end date on its first line: until Month D, YYYY", label)
			}
		}
		if !hasOfficialLink(box.Text) {
			report("box %q must link the official page that would confirm it (canada.ca or gc.ca)", label)
		}
	}
	return probs
}

// box is one GFM alert in a body.
type box struct {
	Type         string
	First        string // the first line after the [!TYPE] line, without "> "
	Text         string // the whole box without the "> " prefixes
	Offset       int
	UnderHeading bool
}

func findBoxes(body string) []box {
	var out []box
	var cur *box
	prevText := "" // the last non-blank line before the current one
	eachLine(body, func(line string, start, _ int, fenced bool) {
		trimmed := strings.TrimSpace(line)
		switch {
		case fenced:
		case cur != nil && strings.HasPrefix(trimmed, ">"):
			t := strings.TrimSpace(strings.TrimPrefix(trimmed, ">"))
			if cur.First == "" && t != "" {
				cur.First = t
			}
			cur.Text += t + "\n"
		default:
			if cur != nil {
				out = append(out, *cur)
				cur = nil
			}
			if t, ok := strings.CutPrefix(trimmed, ">"); ok {
				t = strings.TrimSpace(t)
				if strings.HasPrefix(t, "[!") && strings.HasSuffix(t, "]") {
					cur = &box{Type: strings.ToUpper(t[2 : len(t)-1]), Offset: start,
						UnderHeading: strings.HasPrefix(prevText, "#")}
				}
			}
		}
		if trimmed != "" {
			prevText = trimmed
		}
	})
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

// datePhrase finds "<prefix>Month D, YYYY" in s.
func datePhrase(s, prefix string) (time.Time, bool) {
	for rest := s; ; {
		i := strings.Index(rest, prefix)
		if i < 0 {
			return time.Time{}, false
		}
		rest = rest[i+len(prefix):]
		// "December 31, 2026" is 17 bytes at most ("September 30, 2026").
		for n := min(len(rest), 18); n >= 11; n-- {
			if t, err := time.Parse("January 2, 2006", rest[:n]); err == nil {
				return t, true
			}
		}
	}
}

func hasOfficialLink(s string) bool {
	for rest := s; ; {
		i := strings.Index(rest, "](http")
		if i < 0 {
			return false
		}
		rest = rest[i+2:]
		end := strings.IndexAny(rest, ") \n")
		if end < 0 {
			end = len(rest)
		}
		if u, err := url.Parse(rest[:end]); err == nil && isOfficialHost(u.Hostname()) {
			return true
		}
	}
}

// isOfficialHost is a Government of Canada web site.
func isOfficialHost(host string) bool {
	host = strings.ToLower(host)
	return host == "canada.ca" || strings.HasSuffix(host, ".canada.ca") || strings.HasSuffix(host, ".gc.ca")
}

// processPhrases describe how a guide was made, not the rules; a guide
// states a fact with its citation instead.
var processPhrases = []string{
	"general knowledge", "general background", "fact base", "research notes",
	"checked sources", "our sources", "as cited for", "(reported)", "reportedly",
	"for this review", "we did not see",
}

// ProcessPhrases returns the phrases the style check refuses: they describe
// how a guide was made, not the rules.
func ProcessPhrases() []string { return slices.Clone(processPhrases) }

// BritishSpellings returns the -ise forms the style check refuses, and
// IzeForm the Canadian government spelling of one.
func BritishSpellings() []string { return slices.Clone(britishSpellings) }

// IzeForm is the -ize spelling of an -ise word.
func IzeForm(w string) string { return izeForm(w) }

// britishSpellings are -ise forms; Canadian government style writes -ize.
var britishSpellings = []string{
	"authorise", "authorised", "authorisation", "authorising", "prioritise", "prioritised",
	"prioritising", "recognise", "recognised", "recognising", "summarise", "summarised",
	"organisation", "organisations", "organise", "organised", "realise", "realised",
	"specialised", "emphasise", "utilise", "minimise", "maximise", "finalise", "finalised",
	"categorised", "criticised", "legalised", "penalised", "standardised", "apologise",
}

// styleProblems reports process phrases and -ise spellings, outside code.
func styleProblems(g *Guide, lines lineIndex) []Problem {
	var probs []Problem
	body := g.source
	lower := strings.ToLower(body)
	var inCode func(int) bool
	code := func(i int) bool {
		if inCode == nil {
			inCode = codeRanges(body)
		}
		return inCode(i)
	}
	for _, p := range processPhrases {
		for off := 0; ; {
			i := strings.Index(lower[off:], p)
			if i < 0 {
				break
			}
			i += off
			off = i + len(p)
			if code(i) {
				continue
			}
			probs = append(probs, Problem{File: g.File, Line: lines.line(i),
				Msg: fmt.Sprintf("style: %q describes how the guide was made, not the rule: cite a source, label it in a box, or cut it", p)})
		}
	}
	// One pass over the words, each looked up among the -ise spellings.
	for i := 0; i < len(lower); {
		if !isLetter(lower[i]) {
			i++
			continue
		}
		j := i
		for j < len(lower) && isLetter(lower[j]) {
			j++
		}
		if w := lower[i:j]; iseSuffix(w) && britishSet[w] && !code(i) {
			probs = append(probs, Problem{File: g.File, Line: lines.line(i),
				Msg: fmt.Sprintf("spelling: %q: Canadian government style writes -ize (%s)", body[i:j], izeForm(w))})
		}
		i = j
	}
	return probs
}

// iseSuffix is a quick test that a word may be an -ise spelling.
func iseSuffix(w string) bool {
	return strings.HasSuffix(w, "ise") || strings.HasSuffix(w, "ised") || strings.HasSuffix(w, "ising") ||
		strings.HasSuffix(w, "isation") || strings.HasSuffix(w, "isations")
}

// britishSet holds britishSpellings for lookup.
var britishSet = func() map[string]bool {
	m := make(map[string]bool, len(britishSpellings))
	for _, w := range britishSpellings {
		m[w] = true
	}
	return m
}()

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func izeForm(w string) string {
	for _, suffix := range []string{"isation", "isations", "ise", "ised", "ising"} {
		if stem, ok := strings.CutSuffix(w, suffix); ok {
			return stem + strings.Replace(suffix, "is", "iz", 1)
		}
	}
	return w
}

// codeRanges reports whether an offset of body lies in fenced code or a
// code span (on its line).
func codeRanges(body string) func(int) bool {
	type span struct{ start, end int }
	var spans []span
	eachLine(body, func(_ string, start, end int, fenced bool) {
		if fenced {
			spans = append(spans, span{start, end})
			return
		}
		for i := start; i < end; i++ {
			if body[i] != '`' {
				continue
			}
			if j := strings.IndexByte(body[i+1:end], '`'); j >= 0 {
				spans = append(spans, span{i, i + 1 + j})
				i += j + 1
			}
		}
	})
	return func(i int) bool {
		for _, s := range spans {
			if i >= s.start && i <= s.end {
				return true
			}
		}
		return false
	}
}
