"""Runs the calling script inside a venv that has pysbd (from PyPI), making the venv on first use
under $DATA (default bench-data). Shared by the scripts that compare sentence-split with pysbd."""
import os, subprocess, sys


def enter():
    venv = os.path.abspath(os.path.join(os.environ.get("DATA", "bench-data"), "venv-pysbd"))
    python = os.path.join(venv, "bin", "python")
    # Inside the venv, sys.prefix is the venv (compared resolved: a relative DATA re-exec'd forever).
    if os.path.realpath(sys.prefix) == os.path.realpath(venv):
        return
    if not os.path.exists(python):
        print(f"installing pysbd into {venv} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "pysbd"], check=True)
    os.execv(python, [python] + sys.argv)
