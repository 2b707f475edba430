//go:build unix

package state

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// noFollow opens a file without following a symlink at its path.
const noFollow = unix.O_NOFOLLOW

// syncDir flushes a folder's entries (a rename) to disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) {
		err = nil // file systems that cannot sync a folder
	}
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
