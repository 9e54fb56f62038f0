package web

import (
	"crypto/md5"
	"crypto/tls"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

func user(db *sql.DB, w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	rows, _ := db.Query("SELECT * FROM users WHERE id = " + id) // expect: CDS-SEC-010
	defer rows.Close()
}

func order(db *sql.DB, id string) {
	db.Exec(fmt.Sprintf("DELETE FROM orders WHERE id = '%s'", id)) // expect: CDS-SEC-010
}

func ping(host string) ([]byte, error) {
	return exec.Command("sh", "-c", "ping -c 1 "+host).Output() // expect: CDS-SEC-011
}

func file(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	p := filepath.Join("/srv/files", name)
	data, _ := os.ReadFile(p) // expect: CDS-SEC-012
	w.Write(data)
}

func sum(data []byte) [16]byte {
	return md5.Sum(data) // expect: CDS-SEC-020
}

var client = &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // expect: CDS-SEC-032
