#!/bin/sh
# expect-next: CDS-SEC-032
git config --global http.sslVerify false
# expect-next: CDS-SEC-032
wget --no-check-certificate https://downloads.internal/tool.tgz
# expect-next: CDS-SEC-041
pip install --index-url http://pypi.internal/simple requests
NAME="$1"
eval echo "hello $NAME" # expect: CDS-SEC-013
