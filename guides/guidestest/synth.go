// Package guidestest generates guides for tests and benchmarks: a seeded
// synthetic library of any size, so nothing large is committed. It is for
// tests only and imports nothing of pathways.
package guidestest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing/fstest"
)

// SyntheticCorpus generates n guides of about 1,500 words each, with
// headings, lists, tables and links between them, the same for the same
// seed. Benchmarks and tests use it to hold pathways to a large library
// without committing thousands of files.
func SyntheticCorpus(n int, seed uint64) fstest.MapFS {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	words := strings.Fields(synthWords)
	word := func() string { return words[rng.IntN(len(words))] }
	sentence := func(min, max int) string {
		k := min + rng.IntN(max-min+1)
		ws := make([]string, k)
		for i := range ws {
			ws[i] = word()
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	slug := func(i int) string { return fmt.Sprintf("synthetic-guide-%04d", i) }
	fsys := fstest.MapFS{}
	for i := range n {
		var b strings.Builder
		title := fmt.Sprintf("%s %s %s %d", strings.Title(word()), word(), word(), i) //nolint:staticcheck // ASCII words
		fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\ntags: [%s, %s]\nrelated: [%s]\nreviewed: 2026-%02d-%02d\nsources:\n  - title: Source %d\n    url: https://www.canada.ca/en/%d.html\n---\n\n",
			title, sentence(8, 14), word(), word(), slug((i+1)%n), 1+rng.IntN(12), 1+rng.IntN(28), i, i)
		b.WriteString("## In short\n\n")
		for range 4 {
			fmt.Fprintf(&b, "- %s\n", sentence(8, 16))
		}
		words := 60
		for sec := 0; words < 1500; sec++ {
			fmt.Fprintf(&b, "\n## %s %s %d\n\n", strings.Title(word()), word(), sec) //nolint:staticcheck
			for p := 0; p < 3; p++ {
				var para []string
				for range 4 {
					para = append(para, sentence(8, 18))
				}
				link := slug(rng.IntN(n))
				para = append(para, fmt.Sprintf("See [%s %s](/%s) for more.", word(), word(), link))
				b.WriteString(strings.Join(para, " ") + "\n\n")
				words += 60
			}
			switch sec % 3 {
			case 0:
				for range 5 {
					fmt.Fprintf(&b, "- %s\n", sentence(6, 12))
				}
				words += 45
			case 1:
				b.WriteString("| Item | Figure | Since |\n| --- | --- | --- |\n")
				for r := range 4 {
					fmt.Fprintf(&b, "| %s %s | $%d | 2025-%02d |\n", word(), word(), 100*(r+1)+rng.IntN(900), 1+rng.IntN(12))
				}
				words += 24
			}
		}
		b.WriteString("\n## Related guides\n\n")
		for range 3 {
			fmt.Fprintf(&b, "- [%s %s](/%s)\n", word(), word(), slug(rng.IntN(n)))
		}
		fsys[slug(i)+".md"] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

// synthWords is the vocabulary of synthetic guides: immigration words so
// realistic queries find realistic numbers of matches.
const synthWords = `permit work open employer worker spouse partner student graduate study program
permanent residence resident express entry profile pool draw invitation score points ranking
language test clb nclc teer noc occupation skilled experience canadian foreign year month months
lmia labour market impact assessment wage median high low stream global talent provincial nominee
nomination enhanced base bridging spousal application apply deadline fee fees biometrics status
maintained restoration extension border flagpoling category french health trades education
transport stem physician researcher manager job offer offers arranged employment fraud recruiter
the a of to and in for with on by from at as is are be can may must not only after before since
until when where which who while your their this that these those each every other more less
federal class trade certificate diploma degree master doctoral college university field list
processing standard days weeks officer ircc esdc cbsa portal compliance exemption code treaty
cusma transferee intra company significant benefit mobility international youth holiday`

// LargeSize is the number of synthetic guides the scale benchmarks use:
// PATHWAYS_BENCH_GUIDES, or 2,000 (what CI runs). Issue 15's table is
// measured at 2,000 and 20,000.
func LargeSize() int {
	if n, err := strconv.Atoi(os.Getenv("PATHWAYS_BENCH_GUIDES")); err == nil && n > 0 {
		return n
	}
	return 2000
}

// SyntheticDir writes SyntheticCorpus(n, seed) to a folder under the
// system's temporary folder and returns its path. A folder written
// completely before is reused: 20,000 guides take a while to write, and
// the benchmarks that read them run as separate processes.
func SyntheticDir(n int, seed uint64) (string, error) {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("pathways-synthetic-%d-%d", n, seed))
	done := filepath.Join(dir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return dir, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := os.CopyFS(dir, SyntheticCorpus(n, seed)); err != nil {
		return "", err
	}
	return dir, os.WriteFile(done, nil, 0o644)
}
