// Keys with their policies, CSRs and certificates; key requests waiting for approval with who has
// approved; an approver's decision (the approver signs; the operator only carries the signature);
// a new CA key, self-signed as a CA.
import * as api from '../api.js';
import { h, clear, panel, form, pagedTable, jsonToggle, notice, props, stateBadge, time, fieldError } from '../ui.js';

const short = key => key.length > 24 ? key.slice(0, 12) + '…' + key.slice(-8) : key;

/** The labels are one array (TSB's list); pages of it are cut here when the server answers them all. */
async function labels(after) {
    const result = await api.page('/v1/key', {}, after);
    return { rows: result.rows.map(label => ({ label })), next: result.next };
}

function rules(policy) {
    if (!policy) {
        return 'none';
    }
    const parts = [];
    for (const name of ['ruleUse', 'ruleBlock', 'ruleUnblock', 'ruleModify']) {
        const rule = policy[name];
        const tokens = rule && rule.tokens || [];
        if (tokens.length) {
            parts.push(name + ': ' + tokens.map(t => (t.groups || []).map(g => g.quorum + ' of ' + (g.approvals || []).length).join(' + ')).join(' or '));
        }
    }
    return parts.length ? parts.join('; ') : 'no approvals needed';
}

function render(container) {
    container.append(h('h1', { text: 'Keys and approvals' }));
    const detail = h('div', { id: 'key-detail' });
    const decision = h('div', { id: 'approval' });
    const table = pagedTable({
        id: 'keys-table',
        load: labels,
        columns: [{ label: 'Label', value: k => k.label, mono: true }],
        onRow: key => showKey(detail, key.label),
        empty: 'No keys.'
    });
    const requests = pagedTable({
        id: 'requests-table',
        path: '/admin/key-requests',
        columns: [
            { label: 'Request', value: r => r.id, mono: true },
            { label: 'Operation', value: r => r.operation },
            { label: 'Key', value: r => r.keyLabel },
            { label: 'Requested', value: r => time(r.creationTime) },
            { label: 'Expires', value: r => time(r.expirationTime) },
            { label: 'Approved by', value: r => r.approvedBy.length ? r.approvedBy.map(short).join(', ') : 'nobody yet' },
            { label: 'Waiting for', value: r => r.notYetApprovedBy.map(short).join(', ') }
        ],
        onRow: request => showDecision(decision, request, () => requests.reload()),
        empty: 'No request is waiting for approval.'
    });
    container.append(h('div.row', {}, panel('Keys', table), detail),
        panel('Requests waiting for approval', requests, decision), panel('New CA key', caForm(() => table.reload())));
}

async function showKey(target, label) {
    let key;
    try {
        key = await api.get('/v1/key/' + encodeURIComponent(label));
    } catch (e) {
        clear(target, panel('Key ' + label, notice(e.message, true)));
        return;
    }
    const csr = h('div');
    const csrForm = form({
        fields: [{ name: 'commonName', label: 'Subject CN', value: label }],
        submitLabel: 'Make a CSR',
        submit: async values => {
            const answer = await api.post('/v1/certificate/request', { csrSignRequest: {
                signKeyName: label, signatureAlgorithm: key.algorithm === 'EC' ? 'SHA256_WITH_ECDSA' : 'SHA256_WITH_RSA',
                validity: 365, standardCertificateAttributes: { commonName: values.commonName },
                keyUsage: ['DIGITAL_SIGNATURE'], extendedKeyUsage: [] } });
            clear(csr, answer.result ? h('pre.mono', { text: answer.result })
                : notice('Request ' + answer.signRequestId + ' waits for approval.'));
        }
    });
    clear(target, panel('Key ' + label,
        props([
            ['Algorithm', key.algorithm + ' ' + key.keySize],
            ['Token', key.token],
            ['Created', time(key.createdAt)],
            ['Policy', rules(key.policy)],
            ['Blocked', key.policy && key.policy.keyStatus && key.policy.keyStatus.blocked ? 'yes' : 'no'],
            ['Certificate', key.certificate ? h('details', {}, h('summary', { text: 'PEM' }), h('pre.mono', { text: key.certificate })) : 'none']
        ]), csrForm, csr, jsonToggle(key)));
}

function showDecision(target, request, changed) {
    const status = h('div');
    const decide = async (kind, values) => {
        if (!values.approverPublicKey) {
            throw fieldError('approverPublicKey', 'The approver\'s public key is required');
        }
        if (!values.signature) {
            throw fieldError('signature', 'The approver\'s signature of the statement is required');
        }
        await api.post('/v1/' + kind, { id: request.id, approvalToBeSigned: request.approvalToBeSigned,
            signature: values.signature, approverPublicKey: values.approverPublicKey,
            approvalDigestAlgorithm: values.approvalDigestAlgorithm });
        clear(status, notice(kind === 'approval' ? 'Approved.' : 'Rejected.'));
        changed();
    };
    let decisionForm;
    const reject = h('button.secondary', { type: 'button', text: 'Reject', on: { click: async () => {
        try {
            await decide('rejection', decisionForm.values());
        } catch (e) {
            decisionForm.showError(e);
        }
    } } });
    decisionForm = form({
        fields: [
            { name: 'approvalToBeSigned', label: 'Statement to sign', type: 'textarea', rows: 3, readonly: true, value: request.approvalToBeSigned,
                hint: 'The approver signs these bytes (base64) with its own key, e.g. base64 -d | openssl dgst -sha256 -sign key.pem | base64' },
            { name: 'approverPublicKey', label: 'Approver public key', type: 'textarea', rows: 3, hint: 'base64 SubjectPublicKeyInfo' },
            { name: 'approvalDigestAlgorithm', label: 'Digest', type: 'select', options: ['SHA-256', 'SHA-384', 'SHA-512'] },
            { name: 'signature', label: 'Signature', type: 'textarea', rows: 3, hint: 'base64' }
        ],
        submitLabel: 'Approve',
        submit: values => decide('approval', values),
        extraButtons: [reject]
    });
    decisionForm.id = 'approval-form';
    clear(target, h('h2', { text: 'Request ' + request.id }), props([
        ['Status', stateBadge(request.status)],
        ['Approved by', request.approvedBy.length ? request.approvedBy.join(', ') : 'nobody yet'],
        ['Waiting for', request.notYetApprovedBy.join(', ')],
        ['Rejected by', request.rejectedBy.join(', ')]
    ]), status, decisionForm);
}

function caForm(changed) {
    const result = h('div');
    const element = form({
        fields: [
            { name: 'label', label: 'Label', placeholder: 'issuing-ca' },
            { name: 'algorithm', label: 'Key', type: 'select', options: [['RSA:3072', 'RSA 3072'], ['RSA:2048', 'RSA 2048'], ['RSA:4096', 'RSA 4096'], ['EC:256', 'EC P-256'], ['EC:384', 'EC P-384']] },
            { name: 'commonName', label: 'Subject CN', placeholder: 'Example Issuing CA' },
            { name: 'organization', label: 'Organization' },
            { name: 'validity', label: 'Validity (days)', type: 'number', value: 3650 },
            { name: 'pathLength', label: 'Path length', type: 'number', value: 0 }
        ],
        submitLabel: 'Create and self-sign',
        submit: async values => {
            if (!values.label) {
                throw fieldError('label', 'A label is required');
            }
            if (!values.commonName) {
                throw fieldError('commonName', 'A subject CN is required');
            }
            const [algorithm, size] = values.algorithm.split(':');
            const attributes = { decrypt: false, sign: true, unwrap: false, derive: false, bip32: false,
                extractable: false, modifiable: false, destroyable: true };
            const body = { label: values.label, algorithm, keySize: Number(size), attributes };
            if (algorithm === 'EC') {
                body.curveOid = size === '256' ? '1.2.840.10045.3.1.7' : '1.3.132.0.34';
            }
            await api.post('/v1/key', body);
            const subject = { commonName: values.commonName };
            if (values.organization) {
                subject.organization = values.organization;
            }
            const signed = await api.post('/v1/certificate/selfsign', { selfSignCertificateRequest: {
                signKeyName: values.label, validity: Number(values.validity), standardCertificateAttributes: subject,
                keyUsage: ['KEY_CERT_SIGN', 'CRL_SIGN', 'DIGITAL_SIGNATURE'], extendedKeyUsage: [],
                basicConstraints: { certificateAuthority: true, pathLenConstraint: Number(values.pathLength) } } });
            clear(result, notice('CA key ' + values.label + ' created and self-signed.'),
                h('details', {}, h('summary', { text: 'Certificate (PEM)' }), h('pre.mono', { text: signed.certificate || '' })));
            changed();
        }
    });
    element.id = 'ca-form';
    return h('div', {}, result, element);
}

export default { title: 'Keys and approvals', render };
