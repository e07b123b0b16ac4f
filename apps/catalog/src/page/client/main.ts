// The catalog page's one script: it draws the charts and runs the build forms and monitor. Everything
// it shows is already in the page as text and tables; the script adds the drawings and live updates.
import { drawCharts } from "./charts.js";
import { monitorBuild, wireCancelForms, wireStartForm } from "./builds.js";
import { wireDraftPage } from "./drafts.js";

drawCharts(document);
wireStartForm(document);
wireCancelForms(document);
wireDraftPage(document);
const monitor = document.querySelector<HTMLElement>("[data-build-monitor]");
if (monitor) monitorBuild(monitor);
