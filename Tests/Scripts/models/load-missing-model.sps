m = load_model "/nonexistent/model.json"  # expect error: cannot read '/nonexistent/model.json': no such file
