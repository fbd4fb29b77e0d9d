# Bad input: data save into missing folder
# expect error: cannot write '/nonexistent/dir/m.json': the folder '/nonexistent/dir' does not exist

m = linear 3 1
save m "/nonexistent/dir/m.json"
