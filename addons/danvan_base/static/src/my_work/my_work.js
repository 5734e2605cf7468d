import { Component, onWillStart } from "@odoo/owl";
import { deserializeDate, formatDate, today } from "@web/core/l10n/dates";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";
import { formatInteger } from "@web/views/fields/formatters";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";

/**
 * "My Work": what waits for the current user in Dân vận, in blocks that the
 * server chooses for the user's roles. Each block opens the records it
 * counts; each line of a block opens its record.
 */
export class MyWork extends Component {
    static template = "danvan_base.MyWork";
    static components = { Layout };
    static props = { ...standardActionServiceProps };

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.today = today();
        onWillStart(async () => {
            this.data = await this.orm.call("danvan.my.work", "get_my_work", []);
        });
    }

    /**
     * @param {number} value
     * @returns {string} the number in the user's language (1.234 in Vietnamese)
     */
    formatCount(value) {
        return formatInteger(value);
    }

    formatDay(value) {
        return value ? formatDate(deserializeDate(value)) : "";
    }

    isLate(row) {
        return Boolean(row.date) && deserializeDate(row.date) < this.today;
    }

    /**
     * @param {Object} block
     * @returns {string} the link to the whole list, when the preview is cut
     */
    moreLabel(block) {
        return _t("See all %s", this.formatCount(block.count));
    }

    openBlock(block) {
        this.action.doAction({
            type: "ir.actions.act_window",
            name: block.title,
            res_model: block.res_model,
            views: block.views,
            domain: block.domain,
        });
    }

    openRow(row) {
        this.action.doAction({
            type: "ir.actions.act_window",
            res_model: row.res_model,
            res_id: row.res_id,
            views: [[false, "form"]],
        });
    }
}

registry.category("actions").add("danvan_base.my_work", MyWork);
