from automate_function import run
run()
