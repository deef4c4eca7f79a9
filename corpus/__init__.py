"""Pure Python behind the site: article contract, fidelity check and analysis (no MkDocs import)."""
