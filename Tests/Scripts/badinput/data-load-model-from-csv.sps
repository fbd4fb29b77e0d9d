# Bad input: data load model from csv
# expect error: Tests/Scripts/badinput/fixtures/one-row.csv is not an sps model file (The operation could not be completed. The data isn’t in the correct format.)

m = load_model "Tests/Scripts/badinput/fixtures/one-row.csv"
