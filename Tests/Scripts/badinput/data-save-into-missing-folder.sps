# Bad input: data save into missing folder

m = linear 3 1
# expect error: cannot write '/nonexistent/dir/m.json': the folder '/nonexistent/dir' does not exist
save m "/nonexistent/dir/m.json"
