from setuptools import setup

setup(name="shop", py_modules=["app"])
