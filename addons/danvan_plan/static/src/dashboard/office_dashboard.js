import { Component, onWillStart } from "@odoo/owl";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";
import { formatInteger, formatPercentage } from "@web/views/fields/formatters";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

/**
 * The Office's dashboard: overdue tasks, reports to review, late units,
 * report rounds in progress and the progress of the approved plans. Each
 * figure opens the records it counts.
 */
export class OfficeDashboard extends Component {
    static template = "danvan_plan.OfficeDashboard";
    static components = { Layout };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        onWillStart(async () => {
            this.data = await this.orm.call("danvan.plan.dashboard", "get_dashboard_data", []);
        });
    }

    /**
     * @param {number} value
     * @returns {string} the number in the user's language (1.234 in Vietnamese)
     */
    formatNumber(value) {
        return formatInteger(value);
    }

    /**
     * @param {number} value a percentage, from 0 to 100
     * @returns {string} it in the user's language, to one decimal (33,3% in Vietnamese)
     */
    formatPercent(value) {
        return formatPercentage(value / 100, { digits: [false, 1] });
    }

    formatDay(value) {
        return value ? formatDate(deserializeDate(value)) : "";
    }

    /**
     * @param {number} part
     * @param {number} total
     * @returns {number} the share of part in total, in percent
     */
    percent(part, total) {
        return total ? Math.round((100 * part) / total) : 0;
    }

    openList(resModel, name, domain) {
        this.action.doAction({
            type: "ir.actions.act_window",
            name,
            res_model: resModel,
            views: [
                [false, "list"],
                [false, "form"],
            ],
            domain,
        });
    }

    openRecord(resModel, resId) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: resModel,
            res_id: resId,
            views: [[false, "form"]],
        });
    }

    /**
     * @param {Object} [unit] an entry of overdue_by_unit: only its tasks
     */
    openOverdueTasks(unit) {
        const domain = this.data.domains.overdue_tasks;
        if (unit) {
            this.openList("danvan.plan.task", _t("Overdue tasks of %s", unit.unit), [
                ...domain,
                ["lead_department_id", "=", unit.unit_id],
            ]);
        } else {
            this.openList("danvan.plan.task", _t("Overdue tasks"), domain);
        }
    }

    openReportsToReview() {
        this.openList(
            "danvan.plan.report",
            _t("Reports to review"),
            this.data.domains.reports_to_review
        );
    }

    openLateUnits() {
        this.openList("danvan.plan.round.unit", _t("Late units"), this.data.domains.late_units);
    }

    openOpenRounds() {
        this.openList(
            "danvan.plan.round",
            _t("Report rounds in progress"),
            this.data.domains.open_rounds
        );
    }

    openPlans() {
        this.openList("danvan.plan", _t("Approved plans"), this.data.domains.plans);
    }
}

registry.category("actions").add("danvan_plan.office_dashboard", OfficeDashboard);
