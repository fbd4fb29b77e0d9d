# Bad input: data save number
# expect error: save writes a dataset, a table or a model, got number

save 3 "/tmp/sps-badinput-number.csv"
