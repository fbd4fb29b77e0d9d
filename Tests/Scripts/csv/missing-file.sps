csv "/tmp/sps-golden-no-such-file.csv"  # expect error: cannot read '/tmp/sps-golden-no-such-file.csv': no such file
