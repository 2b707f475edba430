//go:build !unix

package state

import "time"

// lockFile is a no-op where flock is missing; merge on write still keeps
// most concurrent changes.
func lockFile(path string, timeout time.Duration) (unlock func(), err error) {
	return func() {}, nil
}

// syncDir is a no-op where folders cannot be opened for syncing.
func syncDir(dir string) error { return nil }
