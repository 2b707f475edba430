package guides

import (
	"strings"
	"testing"
	"testing/fstest"
)

// citeGuide is a guide with one of every citation, box and style problem,
// each on a known line.
const citeGuide = `---
title: Cited
summary: Every citation problem.
reviewed: 2026-12-04
sources:
  - id: good
    title: Good source
    publisher: IRCC
    url: https://www.canada.ca/good.html
    kind: official
    published: 2025-01-02
    checked: 2026-12-04
  - id: unused
    title: Nothing cites this
    publisher: Someone
    url: https://example.com/unused
    kind: secondary
    checked: 2026-12-04
  - title: No id
    url: https://example.com/noid
  - id: bad-dates
    title: Bad kind and dates
    publisher: Someone
    url: https://example.com/bad
    kind: rumour
    published: last week
    checked: yesterday
---
## In short

- A cited fact.[^good] A fact with a missing source.[^missing] Bad dates.[^bad-dates]
- This is general knowledge, and reportedly so. It was authorised and prioritised.
- Code is exempt: ` + "`general knowledge [^in-code]`" + `

## Temporary measure: a good box

> [!IMPORTANT]
> **Temporary measure**, until December 31, 2026 (checked December 4, 2026).
> It may end earlier. Official page: [IRCC](https://www.canada.ca/measure.html).

Not under a heading:

> [!NOTE]
> **Proposed** and nothing else.

## Wrong label

> [!CAUTION]
> **Temporary measure** (checked December 4, 2026). [IRCC](https://www.canada.ca/x.html)

## A tip

> [!TIP]
> Tips are not one of the three boxes.

## Temporary without an end

> [!IMPORTANT]
> **Temporary measure** (checked December 4, 2026). [A blog](https://example.com/x)

[^good]: A footnote definition is not used.
`

func TestCitationProblems(t *testing.T) {
	lib := Load([]Dir{{FS: fstest.MapFS{"cited.md": {Data: []byte(citeGuide)}}, Name: "d"}}, Options{})
	got := problemsText(lib.Problems())
	for _, want := range []string{
		`d/cited.md:13: source "unused" is not cited`,
		`d/cited.md:19: source 3 has no id, so nothing can cite it`,
		`d/cited.md:19: source 3 has no kind (official or secondary)`,
		`d/cited.md:19: source 3 has no publisher`,
		`d/cited.md:19: source 3 has no checked date`,
		`d/cited.md:21: source bad-dates: kind "rumour" must be official or secondary`,
		`d/cited.md:21: source bad-dates: checked "yesterday" is not a date in the form YYYY-MM-DD`,
		`d/cited.md:21: source bad-dates: published "last week" is not a date in the form YYYY-MM-DD`,
		`d/cited.md:31: citation [^missing] has no source: add one with id: missing under sources:`,
		`d/cited.md:32: style: "general knowledge" describes how the guide was made`,
		`d/cited.md:32: style: "reportedly" describes how the guide was made`,
		`d/cited.md:32: spelling: "authorised": Canadian government style writes -ize (authorized)`,
		`d/cited.md:32: spelling: "prioritised": Canadian government style writes -ize (prioritized)`,
		`d/cited.md:43: box "Proposed" must sit directly under its own heading`,
		`d/cited.md:43: box "Proposed" must say when it was checked`,
		`d/cited.md:43: box "Proposed" must link the official page`,
		`d/cited.md:48: a [!CAUTION] box starts with **Not confirmed**`,
		`d/cited.md:53: box [!TIP]: use [!IMPORTANT] for a Temporary measure`,
		`d/cited.md:58: box "Temporary measure" must give its end date on its first line`,
		`d/cited.md:58: box "Temporary measure" must link the official page that would confirm it`,
		`d/cited.md:61: footnote definitions are not used`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q", want)
		}
	}
	for _, not := range []string{"[^in-code]", "cited.md:33:", "cited.md:37:", `"good" is not cited`} {
		if strings.Contains(got, not) {
			t.Errorf("problems mention %q, which is fine:\n%s", not, got)
		}
	}
	if t.Failed() {
		t.Logf("all problems:\n%s", got)
	}
}

// TestCitationsOnThePage: the page numbers citations in order of first use,
// drops the box's [!TYPE] line and lists the sources with their kind,
// publisher and dates.
func TestCitationsOnThePage(t *testing.T) {
	lib := Load([]Dir{{FS: fstest.MapFS{"cited.md": {Data: []byte(citeGuide)}}, Name: "d"}}, Options{})
	g, _ := lib.Guide("cited")
	p := lib.Page(g)
	for _, want := range []string{
		"A cited fact.[[1]](#sources)", "Bad dates.[[2]](#sources)", "[^missing]",
		"## Sources", "1. [Good source](https://www.canada.ca/good.html)",
		"IRCC · official · published 2025-01-02 · checked 2026-12-04",
	} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(p.Body, "[!IMPORTANT]") {
		t.Error("the page keeps a box's [!IMPORTANT] line")
	}
	var cites int
	for _, l := range p.Links() {
		if IsCitation(l) {
			cites++
			if src, n, ok := CitedSource(g, l); !ok || n < 1 || src.ID == "" {
				t.Errorf("citation %q names no source", l.Text)
			}
		}
	}
	if cites != 2 {
		t.Errorf("%d citation links on the page, want 2", cites)
	}
}
