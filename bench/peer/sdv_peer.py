"""The peer sdh learn is measured against, and the scorer both are measured by (pnpm bench:learn).

Measurement only, not product: SDV and SDMetrics are Python, so their side of the comparison is.
  export DIR         writes the public tables (scikit-learn's and vega_datasets' bundled data) as CSV
  gc REAL OUT        fits SDV's GaussianCopulaSynthesizer on REAL, samples as many rows into OUT
  score REAL SYN [K] SDMetrics' single-table QualityReport of SYN against REAL, with the metadata SDV
                     detects from REAL, and the share of SYN rows identical to a REAL row; with K, SYN's
                     cells of category columns that hold a REAL value fewer than K rows hold are first
                     replaced by a value REAL lacks (what a privacy rule of k = K would have withheld)
Each command prints one JSON object.
"""

import json
import sys
import time
import warnings

import pandas as pd

warnings.filterwarnings("ignore")


def export(folder):
    from sklearn import datasets
    from vega_datasets import local_data

    def sk(loader, **kw):
        bunch = loader(as_frame=True, **kw)
        frame = bunch.frame.copy()
        if hasattr(bunch, "target_names") and len(getattr(bunch, "target_names", [])) and "target" in frame:
            frame["target"] = [bunch.target_names[i] for i in frame["target"]]
        return frame

    tables = {
        "iris": sk(datasets.load_iris),
        "wine": sk(datasets.load_wine),
        "breast_cancer": sk(datasets.load_breast_cancer),
        "diabetes": datasets.load_diabetes(as_frame=True, scaled=False).frame,
        "cars": local_data.cars(),
        "seattle_weather": local_data.seattle_weather(),
        "airports": local_data.airports(),
        "stocks": local_data.stocks(),
        "iowa_electricity": local_data.iowa_electricity(),
        "la_riots": local_data.la_riots(),
    }
    out = {}
    for name, frame in tables.items():
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                frame[column] = frame[column].dt.strftime("%Y-%m-%d")
        path = f"{folder}/{name}.csv"
        frame.to_csv(path, index=False)
        out[name] = {"path": path, "rows": len(frame), "columns": len(frame.columns)}
    print(json.dumps(out))


def metadata_of(real):
    from sdv.metadata import Metadata

    return Metadata.detect_from_dataframes(data={"table": real})


def gc(real_path, out_path):
    from sdv.single_table import GaussianCopulaSynthesizer

    real = pd.read_csv(real_path)
    started = time.perf_counter()
    synthesizer = GaussianCopulaSynthesizer(metadata_of(real))
    synthesizer.fit({"table": real})
    fitted = time.perf_counter()
    synthetic = synthesizer.sample(num_rows=len(real))
    synthetic = synthetic["table"] if isinstance(synthetic, dict) else synthetic
    sampled = time.perf_counter()
    synthetic.to_csv(out_path, index=False)
    print(json.dumps({"fit_s": fitted - started, "sample_s": sampled - fitted, "rows": len(synthetic)}))


def score(real_path, synthetic_path, withhold_below=None):
    from sdmetrics.reports.single_table import QualityReport

    real = pd.read_csv(real_path)
    synthetic = pd.read_csv(synthetic_path)[list(real.columns)]
    metadata = metadata_of(real).to_dict()["tables"]["table"]
    if withhold_below is not None:
        for column, v in metadata["columns"].items():
            if v["sdtype"] not in ("categorical", "boolean"):
                continue
            counts = real[column].astype(str).value_counts()
            rare = set(counts[counts < int(withhold_below)].index)
            synthetic[column] = synthetic[column].astype(object).where(~synthetic[column].astype(str).isin(rare), "(withheld)")
    report = QualityReport()
    report.generate(real, synthetic, metadata, verbose=False)
    properties = report.get_properties()
    key = lambda frame: frame.astype(str).agg("\u0001".join, axis=1)
    identical = float(key(synthetic).isin(set(key(real))).mean())
    # Values a privacy rule of k = 5 keeps home: in the columns scored as categories, the share of
    # synthetic cells holding a sample value that fewer than 5 sample rows hold.
    categorical = [c for c, v in metadata["columns"].items() if v["sdtype"] in ("categorical", "boolean")]
    cells, rare = 0, 0
    for column in categorical:
        counts = real[column].astype(str).value_counts()
        rare_values = set(counts[counts < 5].index)
        cells += len(synthetic)
        rare += int(synthetic[column].astype(str).isin(rare_values).sum())
    print(json.dumps({"score": report.get_score(), "properties": dict(zip(properties["Property"], properties["Score"])), "identical": identical, "rare_copied": rare / cells if cells else 0.0, "sdtypes": {c: v["sdtype"] for c, v in metadata["columns"].items()}}))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"export": export, "gc": gc, "score": score}[command](*args)
