"""Write tests/data/rfdesk-0001.sqlite: a small office database as the first schema revision left it.

The migration tests open this file to prove that an office's real data survives every upgrade. The schema
comes from the 0001 migration itself and the rows are written through tables reflected from the file, so
this script keeps producing a genuine revision-0001 database whatever the models look like today.

    .venv/bin/python tools/make_old_database.py
"""

from __future__ import annotations

import sqlite3
import sys
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, create_engine, text

from rfdesk.db.migrate import upgrade
from rfdesk.db.schema import KNOWN_REVISIONS

REVISION = KNOWN_REVISIONS[0]
TARGET = Path(__file__).resolve().parents[1] / "tests" / "data" / "rfdesk-0001.sqlite"
WHEN = datetime(2020, 3, 1, 9, 30)


def main(target: Path = TARGET) -> None:
    target.unlink(missing_ok=True)
    with sqlite3.connect(target) as conn:  # small pages keep the many empty indexes of a small file small
        conn.execute("PRAGMA page_size=1024")
        conn.execute("VACUUM")
    conn.close()
    engine = create_engine(f"sqlite:///{target}")
    upgrade(engine, REVISION)
    meta = MetaData()
    meta.reflect(engine)
    ids = iter(uuid.UUID(int=n, version=4) for n in range(1, 10_000))

    def rows(table: str, *records: dict[str, Any]) -> None:
        t = meta.tables[table]
        full = []
        for r in records:
            r = dict(r)
            if "uuid" in t.c:  # a register row: the common record columns
                r.setdefault("uuid", str(next(ids)))
                r.setdefault("created_at", WHEN)
                r.setdefault("updated_at", WHEN)
                r.setdefault("version", 1)
            full.append(r)
        with engine.begin() as conn:
            for r in full:  # one at a time: the rows do not all name the same columns
                conn.execute(t.insert().values(**r))

    rows("organisation",
         dict(id=1, name="河南省人民防空办公室", short_name="省人防办", kind="province_office", path="/", sort_order=0,
              name_pinyin="henanshengrenminfangkongbangongshi", name_initials="hnsrmfkbgs"),
         dict(id=2, name="工程管理处", kind="department", parent_id=1, path="/1/", sort_order=1,
              name_pinyin="gongchengguanlichu", name_initials="gcglc"),
         dict(id=3, name="河南中原人防工程有限公司", short_name="中原人防工程", kind="enterprise", path="/", sort_order=2,
              name_pinyin="henanzhongyuanrenfanggongchengyouxiangongsi", name_initials="hnzyrfgcyxgs"))
    rows("place",
         dict(id=1, name="金水区文化路街道红专路社区", kind="community", organisation_id=1,
              name_pinyin="jinshuiquwenhualujiedaohongzhuanlushequ", name_initials="jsqwhljdhzlsq"),
         dict(id=2, name="省人防办战备物资库", kind="warehouse", organisation_id=1,
              name_pinyin="shengrenfangbanzhanbeiwuziku", name_initials="srfbzbwzk"))
    rows("party_branch",
         dict(id=1, name="工程管理处党支部", organisation_id=2, is_temporary=False, founded_on=date(2012, 7, 1),
              name_pinyin="gongchengguanlichudangzhibu", name_initials="gcglcdzb"),
         dict(id=2, name="下沉社区临时党支部", organisation_id=1, is_temporary=True, founded_on=date(2020, 2, 3),
              name_pinyin="xiachenshequlinshidangzhibu", name_initials="xcsqlsdzb"))
    rows("person",
         dict(id=1, name="曹裕军", gender="M", birth_date=date(1969, 5, 12), id_number="410105196905121212",
              phone="13803710001", organisation_id=2, post="党支部书记", employment_type="staff",
              political_status="cpc", party_branch_id=1, party_joined_on=date(1992, 7, 1),
              name_pinyin="caoyujun", name_initials="cyj"),
         dict(id=2, name="王晶", gender="F", birth_date=date(1978, 11, 3), id_number="410102197811032142",
              phone="13903710002", organisation_id=1, post="机关党委专职副书记", employment_type="staff",
              political_status="cpc", party_branch_id=2, name_pinyin="wangjing", name_initials="wj"),
         dict(id=3, name="周长林", gender="M", birth_date=date(1967, 1, 20), id_number="410122196701203511",
              phone="15803710003", organisation_id=1, post="门岗保安", employment_type="non_staff",
              political_status="masses", name_pinyin="zhouchanglin", name_initials="zcl"))
    rows("team",
         dict(id=1, name="工程管理处卡点执勤党员先锋岗", kind="vanguard_post", organisation_id=2, place_id=1,
              party_branch_id=1, formed_on=date(2020, 2, 1), name_pinyin="gongchengguanlichukadianzhiqin",
              name_initials="gcglckdzq"))
    rows("team_membership",
         dict(id=1, team_id=1, person_id=1, role="岗长", joined_on=date(2020, 2, 1)),
         dict(id=2, team_id=1, person_id=2, role="队员", joined_on=date(2020, 2, 1)))
    rows("duty_shift",
         dict(id=1, team_id=1, person_id=1, duty_date=date(2020, 2, 2), shift="24h", duty="卡点值守"),
         dict(id=2, team_id=1, person_id=2, duty_date=date(2020, 2, 3), shift="24h", duty="卡点值守"))
    rows("assignment",
         dict(id=1, person_id=1, status="community", place_id=1, start_date=date(2020, 2, 1)),
         dict(id=2, person_id=2, status="stranded", place_text="湖北省孝感市", start_date=date(2020, 1, 23),
              end_date=date(2020, 2, 29)))
    rows("campaign", dict(id=1, name="抗击新冠肺炎疫情捐款", started_on=date(2020, 1, 27)))
    donation = dict(campaign_id=1, donated_on=date(2020, 1, 30), receipt_year=2020, receipt_printed=1, voided=False)
    rows("donation",
         dict(donation, id=1, donor_kind="anonymous", anonymous_note="后经核实为曹裕军同志所捐", unit_id=2,
              form="cash", amount=100000, channel="cash", receipt_seq=1, receipt_no="2020-000001",
              donor_display="匿名", donor_initials="nm"),
         dict(donation, id=2, donor_kind="enterprise", donor_organisation_id=3, unit_id=3, form="in_kind",
              amount=1050000, receipt_seq=2, receipt_no="2020-000002", donor_display="河南中原人防工程有限公司",
              donor_initials="hnzyrfgcyxgs"),
         dict(donation, id=3, donor_kind="person", donor_person_id=3, unit_id=1, form="cash", amount=20000,
              channel="wechat", receipt_seq=3, receipt_no="2020-000003", donor_display="周长林",
              donor_initials="zcl", voided=True, void_reason="重复录入", voided_at=WHEN))
    rows("donation_item",
         dict(id=1, donation_id=2, name="医用外科口罩", quantity=10_000_000, unit="只", estimated_value=800000),
         dict(id=2, donation_id=2, name="75%医用酒精", quantity=250_000, unit="瓶", estimated_value=250000))
    rows("number_sequence", dict(id=1, name="receipt", year=2020, last_value=3))
    rows("resource",
         dict(id=1, category="facility", kind="evacuation_base", name="河南省人防疏散基地（新郑）", code="SSJD-01",
              organisation_id=1, address="新郑市", capacity_people=5000, area_m2=40_000_000, status="ready",
              name_pinyin="henanshengrenfangshusanjidi", name_initials="hnsrfssjd"),
         dict(id=2, category="supply", kind="supply", name="医用外科口罩", organisation_id=1, place_id=2,
              unit_of_measure="只", min_stock=2_000_000, status="ready", name_pinyin="yiyongwaikekouzhao",
              name_initials="yywkkz"))
    rows("stock_movement",
         dict(id=1, resource_id=2, kind="receipt", quantity=10_000_000, to_place_id=2, moved_on=date(2020, 1, 30),
              reference="捐赠收据 2020-000002"),
         dict(id=2, resource_id=2, kind="allocation", quantity=3_000_000, from_place_id=2, to_place_id=1,
              moved_on=date(2020, 2, 2)))
    rows("document",
         dict(id=1, kind="circular", layout="red_header", title="关于利用人防战备资源为新冠肺炎疫情防控工作提供应急支援的通知",
              addressees="全省各省辖市、济源示范区、各县（市、区）人防办", body="一、支援范围\n（一）人防疏散基地。",
              issuer_id=1, doc_date=date(2020, 2, 5), with_seal=True, number_prefix="豫人防", status="draft"))
    rows("document_attachment", dict(id=1, document_id=1, position=1, title="人防疏散基地名单", body="新郑"))
    rows("commendation_batch",
         dict(id=1, title="关于对工程管理处党支部等“硬核”党支部和曹裕军等“硬核”共产党员予以通报表扬的通报",
              issuer_id=1, decided_on=date(2020, 2, 28), document_id=1, status="draft", list_order="as_entered"))
    rows("commendation",
         dict(id=1, batch_id=1, honoree_kind="party_branch", party_branch_id=1, category="“硬核”党支部（组织）",
              deeds="组织党员下沉社区", sort_order=1),
         dict(id=2, batch_id=1, honoree_kind="person", person_id=3, category="“硬核”共产党员（职工）",
              deeds="坚守机关门岗", sort_order=2))
    rows("audit_entry",
         dict(id=1, at=WHEN, operator="clerk", action="create", table_name="person", record_id=1,
              label="曹裕军", changes='{"name": [null, "曹裕军"]}'),
         dict(id=2, at=WHEN, operator="clerk", action="update", table_name="donation", record_id=3,
              label="#3", changes='{"voided": [false, true]}'))
    rows("setting", dict(key="issuer_name", value="河南省人民防空办公室"))
    with engine.begin() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == REVISION
    with engine.connect() as conn:
        conn.exec_driver_sql("VACUUM")
    engine.dispose()
    print(f"wrote {target} ({target.stat().st_size:,} bytes, revision {REVISION})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
