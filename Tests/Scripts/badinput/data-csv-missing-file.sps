# Bad input: data csv missing file
# expect error: cannot read '/nonexistent/dir/data.csv': no such file

d = csv "/nonexistent/dir/data.csv"
