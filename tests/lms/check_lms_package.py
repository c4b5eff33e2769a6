#!/usr/bin/python3
"""Checks scripts/lms-package: the SCORM 1.2 and cmi5 zips it writes for a lesson and a link
(their manifests parse and name files that are in the zip; launch.js carries the site and the
link as JSON, whatever characters they hold), the lesson numbering, and the arguments it refuses.
Usage: check_lms_package.py [WORK_DIR]   (a temporary folder by default)
"""
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
import xml.etree.ElementTree as ET

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "lms-package"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
CMI5 = "{https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd}"
SITE = "https://lms-test.example.edu/courses/gradlab/"
failures = []


def check(name, ok, detail=""):
    print(f"{'ok' if ok else 'not ok'} - {name}{f' ({detail})' if detail and not ok else ''}")
    if not ok:
        failures.append(name)


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True)


def package_config(z):
    """The settings line launch.js starts with, read back as JSON."""
    text = z.read("launch.js").decode()
    m = re.search(r"^const GRADLAB_LMS = (.*);$", text, re.M)
    return json.loads(m.group(1)) if m else None, text


def check_scorm(path, site, link, title, mastery):
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        check(f"{path.name}: imsmanifest.xml at the zip's root", "imsmanifest.xml" in names, names)
        root = ET.fromstring(z.read("imsmanifest.xml"))
        check(f"{path.name}: schema ADL SCORM 1.2", root.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
              and root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2")
        items = root.findall(f"{CP}organizations/{CP}organization/{CP}item")
        resources = root.findall(f"{CP}resources/{CP}resource")
        check(f"{path.name}: one item pointing at one SCO resource", len(items) == 1 and len(resources) == 1
              and items[0].get("identifierref") == resources[0].get("identifier")
              and resources[0].get(f"{ADLCP}scormtype") == "sco")
        hrefs = [resources[0].get("href")] + [f.get("href") for f in resources[0].findall(f"{CP}file")]
        check(f"{path.name}: the resource's href and files are in the zip", hrefs[0] == "launch.html" and all(h in names for h in hrefs), hrefs)
        check(f"{path.name}: the title, escaped and read back", items[0].findtext(f"{CP}title") == title, items[0].findtext(f"{CP}title"))
        check(f"{path.name}: the mastery score", items[0].findtext(f"{ADLCP}masteryscore") == (None if mastery is None else str(mastery)))
        config, text = package_config(z)
        check(f"{path.name}: launch.js carries the site URL and the link as JSON",
              config is not None and config["site"] == site and config["link"] == link and config["format"] == "scorm12", config)
        check(f"{path.name}: launch.js loads gradlab-embed.js from the site", "config.site + 'gradlab-embed.js'" in text)
        return config


def main():
    if len(sys.argv) < 2:
        with tempfile.TemporaryDirectory(prefix="lms-package-") as work:
            return checks(Path(work))
    work = Path(sys.argv[1])
    work.mkdir(parents=True, exist_ok=True)
    return checks(work)


def checks(work):

    # ---- a lesson, SCORM 1.2, with a mastery score; the title comes from the lesson file
    lessons = sorted((ROOT / "assets" / "lessons").glob("*.json"), key=lambda p: int(p.name.split("-")[0]))  # as the app numbers them
    second = json.loads(lessons[1].read_text(encoding="utf-8"))["title"]
    out = work / "lesson2.zip"
    r = run("--site-url", SITE.rstrip("/"), "--lesson", "2", "--mastery", "60", "--out", str(out))
    check("a lesson package is written and named", r.returncode == 0 and f"wrote {out}" in r.stdout, r.stdout + r.stderr)
    config = check_scorm(out, SITE, "#v=1&lesson=2.1&embed=1", f"Gradlab: {second}", 60)
    check("the lesson and mastery reach launch.js", config and config["lesson"] == 2 and config["mastery"] == 60, config)
    again = work / "lesson2-again.zip"
    run("--site-url", SITE, "--lesson", "2", "--mastery", "60", "--out", str(again))
    check("the same arguments write the same bytes", out.read_bytes() == again.read_bytes())

    # ---- a link with characters that must stay data: quotes, </script>, markup in the title
    link = '#v=1&tab=backprop&expr=f%20%3D%20x%20*%20y&note="</script><script>alert(1)</script>'
    title = 'Backprop <b>"one"</b> & \'two\' \u00e9'
    out = work / "link.zip"
    r = run("--site-url", SITE, "--link", link, "--title", title, "--out", str(out))
    check("a link package is written", r.returncode == 0, r.stderr)
    config = check_scorm(out, SITE, link + "&embed=1", title, None)
    check("the title reaches launch.js unchanged, as data", config and config["title"] == title, config)
    check("a set-up without a lesson has no lesson number", config and config["lesson"] is None, config)

    # ---- cmi5: the course structure and the same launch files, the AU's url relative
    out = work / "lesson1-cmi5.zip"
    r = run("--site-url", SITE, "--lesson", "1", "--mastery", "75", "--format", "cmi5", "--out", str(out))
    check("a cmi5 package is written", r.returncode == 0, r.stderr)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        root = ET.fromstring(z.read("cmi5.xml"))
        au = root.find(f"{CMI5}au")
        check("cmi5.xml: courseStructure with a course and one AU", root.tag == f"{CMI5}courseStructure"
              and root.find(f"{CMI5}course") is not None and len(root.findall(f"{CMI5}au")) == 1)
        check("cmi5.xml: moveOn, masteryScore 0..1, AnyWindow", au.get("moveOn") == "CompletedAndPassed"
              and au.get("masteryScore") == "0.75" and au.get("launchMethod") == "AnyWindow", au.attrib)
        check("cmi5.xml: the AU's url is in the zip", au.findtext(f"{CMI5}url") in names, au.findtext(f"{CMI5}url"))
        check("cmi5.xml: the AU has a title and a description",
              bool(au.findtext(f"{CMI5}title/{CMI5}langstring")) and bool(au.findtext(f"{CMI5}description/{CMI5}langstring")))
        config, _ = package_config(z)
        check("cmi5 launch.js carries the format, the site and the link",
              config and config["format"] == "cmi5" and config["site"] == SITE and config["link"] == "#v=1&lesson=1.1&embed=1", config)

    # ---- lessons are numbered as the app lists them: by the number a name starts with, unreadable ones left out
    folder = work / "lessons"
    folder.mkdir(exist_ok=True)
    for name, body in (("1-first.json", {"title": "First", "steps": [{"text": "a"}]}),
                       ("10-tenth.json", {"title": "Tenth", "steps": [{"text": "a"}]}),
                       ("2-second.json", {"title": "Second", "steps": [{"text": "a"}]}),
                       ("15-no-steps.json", {"title": "Broken", "steps": []})):
        (folder / name).write_text(json.dumps(body), encoding="utf-8")
    (folder / "12-not-json.json").write_text("{", encoding="utf-8")
    r = run("--site-url", SITE, "--lessons", str(folder), "--lesson", "2", "--out", str(work / "order.zip"))
    check("lesson 2 of 1-, 10-, 2- is 2- (2 before 10, as the app sorts)", "title:    Gradlab: Second" in r.stdout, r.stdout + r.stderr)
    r = run("--site-url", SITE, "--lessons", str(folder), "--lesson", "4", "--out", str(work / "order.zip"))
    check("files the app cannot read do not count", r.returncode != 0 and "there is no lesson 4: the app lists 3" in r.stderr, r.stderr)

    # ---- wrong arguments: a message and a non-zero exit, no zip
    count = len(lessons)
    bad = [
        (["--lesson", "1"], "--site-url is required"),
        (["--site-url", "ftp://example.edu/gradlab/", "--lesson", "1"], "must be an http:// or https:// address"),
        (["--site-url", "javascript:alert(1)", "--lesson", "1"], "must be an http:// or https:// address"),
        (["--site-url", "https://example.edu/gradlab/?x=1", "--lesson", "1"], "without ?query or #fragment"),
        (["--site-url", "https://exa mple.edu/", "--lesson", "1"], "has spaces"),
        (["--site-url", SITE, "--lesson", "0"], f"there is no lesson 0: the app lists {count}"),
        (["--site-url", SITE, "--lesson", str(count + 1)], f"there is no lesson {count + 1}"),
        (["--site-url", SITE, "--link", "#v=1&lesson=99"], "there is no lesson 99"),
        (["--site-url", SITE], "give --lesson N or --link"),
        (["--site-url", SITE, "--lesson", "1", "--link", "#v=1"], "not allowed with argument --lesson"),
        (["--site-url", SITE, "--link", "tab=train"], "must be a Gradlab link or fragment"),
        (["--site-url", SITE, "--lesson", "1", "--mastery", "101"], "--mastery must be from 0 to 100"),
        (["--site-url", SITE, "--link", "#v=1&tab=train", "--mastery", "50"], "--mastery needs a lesson"),
        (["--site-url", SITE, "--lesson", "1", "--title", "two\nlines"], "--title must be 1 to 200 characters"),
        (["--site-url", SITE, "--lesson", "1", "--format", "scorm2004"], "invalid choice: 'scorm2004'"),
        (["--site-url", SITE, "--lesson", "1", "--out", str(work / "no-such-folder" / "x.zip")], "cannot write"),
        (["--site-url", SITE, "--lesson", "1", "--out", str(work)], "cannot write"),
    ]
    for args, message in bad:
        r = run(*args, *([] if "--out" in args else ["--out", str(work / "refused.zip")]))
        check(f"refused with '{message}'", r.returncode != 0 and message in r.stderr and not (work / "refused.zip").exists(),
              f"exit {r.returncode}: {r.stderr.strip()}")

    print(f"lms-package checks: {'all passed' if not failures else f'{len(failures)} failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
