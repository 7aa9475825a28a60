export const id = 979;
export const ids = [979];
export const modules = {

/***/ 1979:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   githubIssues: () => (/* binding */ githubIssues)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(453);
// Loaded only when issue-on-failure is on: octokit costs start-up time that a plain mint does not need.



/** Issues of the current repository through the GitHub REST API at context.apiUrl, via the same proxy settings as the Coze calls. */
function githubIssues(token, context, timeoutMs, userAgent) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: context.apiUrl,
        userAgent,
        request: {
            fetch: (url, init) => (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .fetch */ .hd)(url, { ...init, dispatcher: (0,_http_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyDispatcher */ .q9)(), signal: AbortSignal.timeout(timeoutMs) }),
        },
    });
    const [owner, repo] = context.repository.split('/');
    return {
        async listOpen(label) {
            const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'open', per_page: 100 });
            return issues.filter((issue) => !issue.pull_request).map((issue) => ({ number: issue.number, body: issue.body ?? '' }));
        },
        async create(issue) {
            return (await octokit.rest.issues.create({ owner, repo, ...issue })).data.number;
        },
        async comment(number, body) {
            await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
        },
        async close(number) {
            await octokit.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: 'completed' });
        },
    };
}


/***/ })

};
