"""The project: settings (from the environment), the URL map, the one access policy (policy.py, with the role
groups in roles.py) and the wrappers of heavy dependencies (lib/).
"""
